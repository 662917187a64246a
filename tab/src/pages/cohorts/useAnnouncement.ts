import { useCallback, useEffect, useState } from 'react';
import type { BatchStatus } from '../../../../bot/contract/batch';
import { announceCohort, getAnnouncement } from '../../../../bot/program/cohorts/api';
import { call, isAbort, messageOf, type TokenSource } from '../../api';

/** How often a running announcement is asked for its progress (the API suggests every 1–2 s). */
const pollEveryMs = 1500;

export interface AnnouncementHandle {
  /** undefined while loading; null when the cohort was never announced. */
  batch: BatchStatus | null | undefined;
  error?: string;
  starting: boolean;
  /** How many eligible employees an announcement messages (asked before sending); undefined until read. */
  recipients?: number;
  /** Sends the announcement (idempotent on the server: nothing is sent twice). */
  start(): void;
  /** Shows a batch the service already returned (when opening with "announce"). */
  follow(batch: BatchStatus): void;
}

/** The cohort's announcement, followed while it runs. */
export function useAnnouncement(token: TokenSource, cohortId: string): AnnouncementHandle {
  const [batch, setBatch] = useState<BatchStatus | null | undefined>(undefined);
  const [error, setError] = useState<string | undefined>();
  const [starting, setStarting] = useState(false);
  const [recipients, setRecipients] = useState<number | undefined>();
  const running = batch?.state === 'running';

  // Reads once, then again every interval while the batch runs; stops when it is done or the cohort changes.
  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = (): void => {
      call(getAnnouncement, { params: { cohortId }, token, signal: controller.signal })
        .then(({ announcement: next, recipients: count }) => {
          setBatch(next);
          setRecipients(count);
          setError(undefined);
          if (next?.state === 'running') timer = setTimeout(read, pollEveryMs);
        })
        .catch((failure: unknown) => {
          if (isAbort(failure)) return;
          setError(messageOf(failure));
          // A passing failure should not freeze the bar: keep asking while it was running.
          if (running) timer = setTimeout(read, pollEveryMs * 2);
        });
    };
    if (batch === undefined || running) timer = setTimeout(read, batch === undefined ? 0 : pollEveryMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // Re-armed when the cohort changes or a batch starts running; `batch` updates inside are followed by `running`.
  }, [token, cohortId, running]);

  const start = useCallback(() => {
    setStarting(true);
    setError(undefined);
    call(announceCohort, { params: { cohortId }, token })
      .then(({ announcement }) => setBatch(announcement))
      .catch((failure: unknown) => setError(messageOf(failure)))
      .finally(() => setStarting(false));
  }, [token, cohortId]);

  const follow = useCallback((next: BatchStatus) => setBatch(next), []);

  return { batch, error, starting, recipients, start, follow };
}
