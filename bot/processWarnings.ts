/**
 * Process warnings known to be harmless, by code. restify 11 loads http-deceiver, which reads
 * process.binding('http_parser') and so prints DEP0111 once or twice on every start; nothing we can change.
 */
export const HARMLESS_WARNING_CODES: ReadonlySet<string> = new Set(['DEP0111']);

type WarningListener = (warning: Error & { code?: string }) => void;
const FILTER = Symbol('harmlessWarningFilter');

/**
 * Drops exactly the warnings whose code is in `codes`; every other warning still reaches the listeners that were there
 * (Node's own printer among them). Call it before the first tick: Node emits warnings on the next tick. Idempotent.
 */
export function quietHarmlessWarnings(target: NodeJS.EventEmitter = process, codes: ReadonlySet<string> = HARMLESS_WARNING_CODES): void {
  const listeners = target.listeners('warning') as WarningListener[];
  if (listeners.some((listener) => FILTER in listener)) return;
  target.removeAllListeners('warning');
  const filter: WarningListener = (warning) => {
    if (warning?.code && codes.has(warning.code)) return;
    for (const listener of listeners) listener.call(target, warning);
  };
  target.on('warning', Object.assign(filter, { [FILTER]: true }));
}
