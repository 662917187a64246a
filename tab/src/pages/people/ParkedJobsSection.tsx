import { useId, useState, type ReactElement } from 'react';
import {
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  makeStyles,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, CheckmarkCircleRegular, DeleteRegular } from '@fluentui/react-icons';
import { call, messageOf, type TokenSource } from '../../api';
import { actionListPieces, sectionPieces } from '../../components/cardStyles';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useDialogAction } from '../../components/useDialogAction';
import { absoluteTime, countOf, relativeTime } from './describeDirectory';
import { dropParkedJob, listParkedJobs, retryParkedJob, type ParkedJob } from '../../../../bot/scheduler/api';
import { useSectionStyles } from './sectionStyles';
import { useLoaded } from './useLoaded';
import { useNow } from './useNow';

const useStyles = makeStyles({
  ...actionListPieces,
  text: { ...actionListPieces.text, wordBreak: 'break-word' },
  muted: sectionPieces.muted,
  actions: sectionPieces.actions,
});

interface Outcome {
  intent: 'success' | 'error';
  message: string;
}

/**
 * Timed work (reminders, escalations, scheduled syncs) that failed again and again is parked rather than tried forever.
 * The taskforce sees each with its last error in a sentence, and retries it once the cause is fixed, or drops it.
 */
export function ParkedJobsSection({ token }: { token: TokenSource }): ReactElement {
  const section = useSectionStyles();
  const styles = useStyles();
  const headingId = useId();
  const now = useNow(60_000);
  const [version, setVersion] = useState(0);
  const parked = useLoaded(`parked@${version}`, (signal) => call(listParkedJobs, { token, signal }));
  const [busy, setBusy] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [dropping, setDropping] = useState<ParkedJob | undefined>();

  const retry = (job: ParkedJob): void => {
    setBusy(job.id);
    setOutcome(undefined);
    call(retryParkedJob, { params: { id: job.id }, token })
      .then(() => setOutcome({ intent: 'success', message: `“${job.title}” will run again in a moment.` }))
      .catch((error: unknown) => setOutcome({ intent: 'error', message: messageOf(error) }))
      .finally(() => {
        setBusy(undefined);
        setVersion((v) => v + 1);
      });
  };

  const jobs = parked.value?.jobs;
  return (
    <section className={section.card} aria-labelledby={headingId} data-testid="parked-jobs">
      <div>
        <Subtitle2 as="h2" id={headingId} className={section.heading}>
          Background work that keeps failing
        </Subtitle2>
        <Caption1 as="p" className={section.intro}>
          Reminders, escalations and scheduled syncs that failed several times in a row stop here instead of being tried forever. Retry one once the cause is fixed, or drop it.
        </Caption1>
      </div>
      {parked.error ? <ErrorNotice title="Could not load the parked work." message={parked.error} onRetry={parked.retry} /> : null}
      {outcome?.intent === 'error' ? <ErrorNotice title="That did not work." message={outcome.message} /> : null}
      {outcome?.intent === 'success' ? (
        <MessageBar intent="success" politeness="polite">
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      ) : null}
      {jobs === undefined ? (
        parked.error ? null : (
          <div className={section.centred}>
            <Spinner size="small" label="Looking for parked work…" />
          </div>
        )
      ) : jobs.length === 0 ? (
        <EmptyState icon={<CheckmarkCircleRegular />} title="Nothing is stuck.">
          Work that keeps failing would show here, with what went wrong.
        </EmptyState>
      ) : (
        <ul className={styles.list} aria-labelledby={headingId}>
          {jobs.map((job) => (
            <li key={job.id} className={styles.item}>
              <div className={styles.text}>
                <Body1Strong>{job.title}</Body1Strong>
                <Caption1>{job.lastError}</Caption1>
                <Caption1 className={styles.muted}>
                  <time dateTime={job.parkedAt} title={absoluteTime(job.parkedAt)}>
                    Parked {relativeTime(job.parkedAt, now)}
                  </time>{' '}
                  after {countOf(job.attempts, 'attempt', 'attempts')}
                </Caption1>
              </div>
              <div className={styles.actions}>
                <Button
                  icon={busy === job.id ? <Spinner size="tiny" /> : <ArrowClockwiseRegular />}
                  disabled={busy !== undefined}
                  onClick={() => retry(job)}
                  aria-label={`Retry ${job.title}`}
                >
                  Retry
                </Button>
                <Button icon={<DeleteRegular />} appearance="subtle" disabled={busy !== undefined} onClick={() => setDropping(job)} aria-label={`Drop ${job.title}`}>
                  Drop
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {parked.value?.more ? <Caption1 className={styles.muted}>Only the oldest 100 are listed.</Caption1> : null}
      {dropping ? (
        <DropDialog
          job={dropping}
          run={async () => {
            await call(dropParkedJob, { params: { id: dropping.id }, token });
            setOutcome({ intent: 'success', message: `“${dropping.title}” was dropped.` });
            setVersion((v) => v + 1);
          }}
          onDismiss={() => setDropping(undefined)}
        />
      ) : null}
    </section>
  );
}

/** Dropping cannot be undone, so it asks first. */
function DropDialog({ job, run, onDismiss }: { job: ParkedJob; run(): Promise<void>; onDismiss(): void }): ReactElement {
  const { busy, error, run: confirm } = useDialogAction(run, onDismiss);
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && !busy && onDismiss()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Drop “{job.title}”?</DialogTitle>
          <DialogContent>
            <Body1>It will not run again. Do this when the work is no longer needed or was done another way.</Body1>
            {error ? <ErrorNotice title="It was not dropped." message={error} /> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onDismiss} disabled={busy}>
              Keep it
            </Button>
            <Button appearance="primary" onClick={confirm} disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
              Drop
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
