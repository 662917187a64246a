/**
 * Checks the shape of an incoming activity before the Bot Framework SDK sees it, so a malformed one gets a 400 with a
 * clear reason instead of failing deep inside a turn. Authentication is the SDK's job and happens after this.
 */
export function activityProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'The activity must be a JSON object.';
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || activity.type === '') return 'The activity has no type.';
  if (typeof activity.serviceUrl !== 'string' || !/^https?:\/\//.test(activity.serviceUrl)) return 'The activity has no valid serviceUrl.';
  const conversation = activity.conversation as Record<string, unknown> | undefined;
  if (typeof conversation !== 'object' || conversation === null || typeof conversation.id !== 'string') return 'The activity has no conversation id.';
  const from = activity.from as Record<string, unknown> | undefined;
  if (typeof from !== 'object' || from === null || typeof from.id !== 'string') return 'The activity has no sender.';
  if (activity.text !== undefined && typeof activity.text !== 'string') return 'The activity text must be a string.';
  if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
    const value = activity.value as Record<string, unknown> | undefined;
    const action = value?.action as Record<string, unknown> | undefined;
    if (typeof action !== 'object' || action === null) return 'The card action has no action.';
    if (action.data !== undefined && (typeof action.data !== 'object' || action.data === null || Array.isArray(action.data))) return 'The card action data must be an object.';
  }
  return undefined;
}
