/**
 * Checks the shape of an incoming activity before the Bot Framework SDK sees it, so a malformed one gets a 400 with a
 * clear reason instead of failing deep inside a turn. Authentication is the SDK's job and happens after this.
 *
 * Ids become Table storage keys and conversation references, so they are held to what Teams sends: Entra object ids are
 * GUIDs; other ids and names are short and free of control characters (which Table keys refuse, as they refuse `/`,
 * `\`, `#` and `?`, none of which a GUID has).
 */
const MAX_ID_CHARS = 1024;
const MAX_NAME_CHARS = 256;
const MAX_MEMBERS = 1000;
const ENTRA_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

type Json = Record<string, unknown>;

export function activityProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'The activity must be a JSON object.';
  const activity = body;
  if (typeof activity.type !== 'string' || activity.type === '') return 'The activity has no type.';
  if (typeof activity.serviceUrl !== 'string' || !/^https?:\/\//.test(activity.serviceUrl)) return 'The activity has no valid serviceUrl.';
  const conversation = activity.conversation;
  if (!isObject(conversation) || typeof conversation.id !== 'string') return 'The activity has no conversation id.';
  if (!isPlainId(conversation.id)) return 'The activity has a conversation id that is too long or has control characters.';
  const from = activity.from;
  if (!isObject(from) || typeof from.id !== 'string') return 'The activity has no sender.';
  const sender = accountProblem(from.id, from.name, 'sender');
  if (sender) return sender;
  if (from.aadObjectId !== undefined && !(typeof from.aadObjectId === 'string' && ENTRA_OBJECT_ID.test(from.aadObjectId))) {
    return 'The activity has a sender whose Entra object id is not valid.';
  }
  const recipient = activity.recipient;
  if (!isObject(recipient) || typeof recipient.id !== 'string') return 'The activity has no recipient.';
  const recipientProblem = accountProblem(recipient.id, recipient.name, 'recipient');
  if (recipientProblem) return recipientProblem;
  for (const key of ['membersAdded', 'membersRemoved'] as const) {
    const members = activity[key];
    if (members === undefined) continue;
    if (!Array.isArray(members) || members.length > MAX_MEMBERS) return `The activity has ${key} that is not a list of members.`;
    for (const member of members) {
      if (!isObject(member) || typeof member.id !== 'string') return `The activity has ${key} with a member without an id.`;
      const problem = accountProblem(member.id, member.name, key === 'membersAdded' ? 'member added' : 'member removed');
      if (problem) return problem;
    }
  }
  if (activity.text !== undefined && typeof activity.text !== 'string') return 'The activity text must be a string.';
  if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
    const value = activity.value as Json | undefined;
    const action = value?.action as Json | undefined;
    if (!isObject(action)) return 'The card action has no action.';
    if (action.data !== undefined && !isObject(action.data)) return 'The card action data must be an object.';
  }
  return undefined;
}

/** An account (sender, recipient, member): its id and name within bounds. */
function accountProblem(id: string, name: unknown, role: string): string | undefined {
  if (!isPlainId(id)) return `The activity has a ${role} id that is too long or has control characters.`;
  if (name !== undefined && name !== null && !(typeof name === 'string' && name.length <= MAX_NAME_CHARS)) {
    return `The activity has a ${role} name that is too long.`;
  }
  return undefined;
}

function isPlainId(id: string): boolean {
  return id.length > 0 && id.length <= MAX_ID_CHARS && !CONTROL_CHARACTER.test(id);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
