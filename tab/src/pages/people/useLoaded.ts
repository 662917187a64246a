import { useCallback, useEffect, useState } from 'react';
import { isAbort, messageOf } from '../../api';

export interface Loaded<T> {
  /** The latest answer; kept while a newer one loads, so the page never blanks. */
  value?: T;
  /** The key of the answer shown; differs from the wanted key while loading. */
  valueKey?: string;
  loading: boolean;
  error?: string;
  retry(): void;
}

/**
 * Loads `load()` whenever `key` changes (the answer to an older key is dropped), keeping the previous value on screen
 * meanwhile. `delayMs` waits before asking, e.g. while someone is still typing.
 */
export function useLoaded<T>(key: string, load: (signal: AbortSignal) => Promise<T>, delayMs = 0): Loaded<T> {
  const [state, setState] = useState<{ value?: T; valueKey?: string; error?: string }>({});
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      load(controller.signal)
        .then((value) => setState({ value, valueKey: key }))
        .catch((error: unknown) => {
          if (!isAbort(error)) setState((previous) => ({ ...previous, error: messageOf(error) }));
        });
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // `load` is a fresh closure each render; `key` names everything it depends on.
  }, [key, attempt, delayMs]);

  const retry = useCallback(() => {
    setState((previous) => ({ ...previous, error: undefined }));
    setAttempt((n) => n + 1);
  }, []);

  return { ...state, loading: state.error === undefined && state.valueKey !== key, retry };
}
