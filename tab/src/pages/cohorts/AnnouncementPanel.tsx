import { useState, type ReactElement } from 'react';
import { Body1, Button, Caption1, Field, ProgressBar, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { MegaphoneRegular } from '@fluentui/react-icons';
import { ErrorNotice } from '../../components/ErrorNotice';
import { AnnounceDialog } from './CohortDialogs';
import { batchProgress, describeBatch, formatMoment } from './describeIntake';
import type { AnnouncementHandle } from './useAnnouncement';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  row: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Whether, and how far, the cohort's announcement has gone out to eligible employees. */
export function AnnouncementPanel({ handle, canAnnounce }: { handle: AnnouncementHandle; canAnnounce: boolean }): ReactElement | null {
  const styles = useStyles();
  const [asking, setAsking] = useState(false);
  const { batch, error, starting, start, recipients } = handle;
  if (batch === undefined && !error) return null;

  if (!batch) {
    if (!canAnnounce) return error ? <ErrorNotice title="The announcement could not be read." message={error} /> : null;
    return (
      <div className={styles.root}>
        <div className={styles.row}>
          <Body1>Not announced yet. Eligible employees can still nominate themselves in chat.</Body1>
          <Button icon={starting ? <Spinner size="tiny" /> : <MegaphoneRegular />} onClick={() => setAsking(true)} disabled={starting || recipients === undefined}>
            Announce to eligible employees
          </Button>
        </div>
        {error ? <ErrorNotice title="The announcement did not start." message={error} /> : null}
        {recipients !== undefined ? (
          <AnnounceDialog
            open={asking}
            recipients={recipients}
            onDismiss={() => setAsking(false)}
            run={() => {
              setAsking(false);
              start();
            }}
          />
        ) : null}
      </div>
    );
  }

  const running = batch.state === 'running';
  const progress = batchProgress(batch);
  return (
    <div className={styles.root} data-testid="announcement">
      <Field label={running ? 'Announcing to eligible employees…' : 'Announced to eligible employees'} validationState="none" validationMessage={describeBatch(batch)}>
        <ProgressBar
          value={progress}
          max={1}
          thickness="large"
          color={running ? 'brand' : batch.failed > 0 ? 'warning' : 'success'}
          aria-valuetext={`${Math.round(progress * 100)}% handled: ${describeBatch(batch)}`}
        />
      </Field>
      <Caption1 className={styles.muted}>
        {running
          ? 'People who have not installed Mentoring Up in Teams cannot be reached by chat; tell them in a channel or by email.'
          : `Finished ${batch.finishedAt ? formatMoment(batch.finishedAt) : ''}. Nobody gets the announcement twice.`}
      </Caption1>
      {error ? <ErrorNotice title="The progress could not be read." message={error} /> : null}
    </div>
  );
}
