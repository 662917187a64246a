import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResponseOf } from '../../../../bot/contract/endpoint';
import { confirmPairs, getProposal, type ConfirmAnswer, type Proposal, type runMatching } from '../../../../bot/program/matching/api';
import { call, isAbort, isApiError, messageOf, type TokenSource } from '../../api';

export interface Notice {
  title: string;
  message: string;
}

export interface MatchingHandle {
  proposal?: Proposal;
  loadError?: string;
  /** Set while a change is on its way; every change control waits for it, so each one carries the latest etag. */
  busy?: string;
  /** A change that failed for another reason than a stale etag, with the service's sentence. */
  failure?: Notice;
  /** The service's sentence when someone else changed the proposal first ('Conflict'): reload to see theirs. */
  conflict?: string;
  /** The answer of the confirmation made on this page, until the next reload. */
  confirmed?: ConfirmAnswer;
  reload(): void;
  dismissFailure(): void;
  /** Inline changes (run, lock, unban): a failure shows above the proposal. */
  attempt(busy: string, failureTitle: string, act: (etag: string) => Promise<ProposalAnswer>): void;
  /** Changes made in a dialog: a failure is thrown for the dialog to show (a stale etag also shows the conflict). */
  change(busy: string, act: (etag: string) => Promise<ProposalAnswer>): Promise<void>;
  confirm(): Promise<void>;
}

/** What every change answers: the proposal after it. */
type ProposalAnswer = ResponseOf<typeof runMatching>;

/** The proposal of one cohort, and every change to it, each sent with the etag of the proposal on screen (If-Match). */
export function useMatching(token: TokenSource, cohortId: string): MatchingHandle {
  const [proposal, setProposal] = useState<Proposal | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [failure, setFailure] = useState<Notice | undefined>();
  const [conflict, setConflict] = useState<string | undefined>();
  const [confirmed, setConfirmed] = useState<ConfirmAnswer | undefined>();
  const [attemptNo, setAttemptNo] = useState(0);
  // The etag of the newest proposal seen, so a change made right after another never sends a stale one.
  const etag = useRef('');

  const show = useCallback((next: Proposal) => {
    etag.current = next.etag;
    setProposal(next);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    call(getProposal, { params: { cohortId }, token, signal: controller.signal })
      .then(({ proposal: loaded }) => {
        show(loaded);
        setLoadError(undefined);
      })
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoadError(messageOf(error));
      });
    return () => controller.abort();
  }, [token, cohortId, attemptNo, show]);

  const reload = useCallback(() => {
    setLoadError(undefined);
    setConflict(undefined);
    setFailure(undefined);
    setConfirmed(undefined);
    setAttemptNo((n) => n + 1);
  }, []);

  const change = useCallback(
    async (label: string, act: (etag: string) => Promise<ProposalAnswer>): Promise<void> => {
      setBusy(label);
      setFailure(undefined);
      try {
        show((await act(etag.current)).proposal);
        setConflict(undefined);
      } catch (error) {
        if (isApiError(error, 'Conflict')) setConflict(error.message);
        throw error;
      } finally {
        setBusy(undefined);
      }
    },
    [show],
  );

  const attempt = useCallback(
    (label: string, failureTitle: string, act: (etag: string) => Promise<ProposalAnswer>): void => {
      change(label, act).catch((error: unknown) => {
        // A stale etag is shown as the conflict, with its reload.
        if (!isApiError(error, 'Conflict')) setFailure({ title: failureTitle, message: messageOf(error) });
      });
    },
    [change],
  );

  const confirm = useCallback(async (): Promise<void> => {
    setBusy('confirm');
    setFailure(undefined);
    try {
      const answer = await call(confirmPairs, { params: { cohortId }, ifMatch: etag.current, token });
      setConfirmed(answer);
      setConflict(undefined);
      // The page moves on to the confirmed pairs at once; the fresh proposal (its confirmation time) follows.
      setProposal((shown) => (shown ? { ...shown, status: 'confirmed', confirmedAt: answer.pairs[0]?.confirmedAt ?? null } : shown));
      call(getProposal, { params: { cohortId }, token })
        .then(({ proposal }) => show(proposal))
        .catch(() => undefined);
    } catch (error) {
      if (isApiError(error, 'Conflict')) setConflict(error.message);
      throw error;
    } finally {
      setBusy(undefined);
    }
  }, [token, cohortId, show]);

  const dismissFailure = useCallback(() => setFailure(undefined), []);

  return { proposal, loadError, busy, failure, conflict, confirmed, reload, dismissFailure, attempt, change, confirm };
}
