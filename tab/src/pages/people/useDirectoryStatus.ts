import { useCallback, useEffect, useReducer, useState } from 'react';
import { getDirectoryStatus, startDirectorySync } from '../../../../bot/directory/api';
import { call, isAbort, messageOf, type TokenSource } from '../../api';
import { initialSyncView, nextSyncView, shouldPoll, type SyncView } from './syncView';

/** How often the status is asked for while a sync runs. */
const pollEveryMs = 1000;

export interface DirectoryStatusHandle {
  view: SyncView;
  syncNow(): void;
  reload(): void;
}

/** Loads the sync status, starts syncs, and follows a running sync until it ends. */
export function useDirectoryStatus(token: TokenSource): DirectoryStatusHandle {
  const [view, dispatch] = useReducer(nextSyncView, initialSyncView);
  const [loadAttempt, setLoadAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    dispatch({ type: 'loading' });
    call(getDirectoryStatus, { token, signal: controller.signal })
      .then((status) => dispatch({ type: 'loaded', status }))
      .catch((error: unknown) => {
        if (!isAbort(error)) dispatch({ type: 'loadFailed', message: messageOf(error) });
      });
    return () => controller.abort();
  }, [token, loadAttempt]);

  // Every answer is a new status object, so this effect schedules exactly one poll after each answer while needed.
  const polling = shouldPoll(view);
  useEffect(() => {
    if (!polling) return undefined;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      call(getDirectoryStatus, { token, signal: controller.signal })
        .then((status) => dispatch({ type: 'loaded', status }))
        .catch((error: unknown) => {
          if (!isAbort(error)) dispatch({ type: 'loadFailed', message: messageOf(error) });
        });
    }, pollEveryMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [polling, view.status, token]);

  const syncNow = useCallback(() => {
    dispatch({ type: 'requesting' });
    call(startDirectorySync, { token })
      .then(({ status }) => dispatch({ type: 'requested', status }))
      .catch((error: unknown) => dispatch({ type: 'requestFailed', message: messageOf(error) }));
  }, [token]);

  const reload = useCallback(() => setLoadAttempt((n) => n + 1), []);

  return { view, syncNow, reload };
}
