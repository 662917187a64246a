import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A small structured logger: one JSON line per event on stdout/stderr, filtered by level. App Service collects both
 * streams (and sends them to Application Insights through the diagnostic setting in infra/main.bicep).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export interface LogSink {
  write(level: Exclude<LogLevel, 'silent'>, line: string): void;
}

const consoleSink: LogSink = {
  write(level, line) {
    (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
  },
};

/**
 * Fields every line logged while handling one request carries (its request id, the activity it brought), without
 * passing a logger down every call. Async context, not state: each request sees only its own fields.
 */
const scopedFields = new AsyncLocalStorage<Record<string, unknown>>();

/** Runs `run` so that every line logged within it, however deep and however late, carries `fields`. */
export function withLogFields<T>(fields: Record<string, unknown>, run: () => T): T {
  return scopedFields.run({ ...scopedFields.getStore(), ...fields }, run);
}

export function createLogger(level: LogLevel, sink: LogSink = consoleSink, base: Record<string, unknown> = {}): Logger {
  const emit = (at: Exclude<LogLevel, 'silent'>, message: string, fields?: Record<string, unknown>) => {
    if (order[at] < order[level]) return;
    sink.write(at, JSON.stringify({ time: new Date().toISOString(), level: at, message, ...base, ...scopedFields.getStore(), ...serialise(fields) }));
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (fields) => createLogger(level, sink, { ...base, ...fields }),
  };
}

function serialise(fields?: Record<string, unknown>): Record<string, unknown> {
  if (!fields) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
  }
  return out;
}
