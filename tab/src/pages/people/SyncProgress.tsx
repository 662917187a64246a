import type { ReactElement } from 'react';
import { Caption1, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorNotice } from '../../components/ErrorNotice';
import { countOf, relativeTime } from './describeDirectory';
import type { SyncView } from './syncView';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // Empty between syncs: it takes no room then, yet stays in the page so screen readers hear each new line.
  line: { display: 'block', color: tokens.colorNeutralForeground2, marginTop: tokens.spacingVerticalXS },
});

/** One line on how a sync is going or how the one this person started ended; a polite live region. */
export function SyncProgressLine({ view }: { view: SyncView }): ReactElement {
  const styles = useStyles();
  return (
    <Caption1 className={styles.line} role="status" data-testid="sync-progress">
      {progressLine(view)}
    </Caption1>
  );
}

/** The bar while a sync runs, and notices about a failed or stopped last round. */
export function SyncProgress({ view }: { view: SyncView }): ReactElement | null {
  const styles = useStyles();
  const status = view.status;
  const running = status?.running;
  const error = status?.lastError;
  const showInterrupted = status?.interrupted && !running && !view.following;
  const busy = running || view.requesting || view.following;
  if (!busy && !(error && !running) && !showInterrupted) return null;
  return (
    <div className={styles.root}>
      {busy ? <ProgressBar thickness="large" aria-label="Directory sync in progress" /> : null}
      {error && !running ? (
        <ErrorNotice
          intent="warning"
          title="The last sync did not finish."
          message={`Mentoring Up keeps using the people from the last complete sync. Select Sync now to try again. What went wrong (${relativeTime(error.at, new Date())}): ${error.message}`}
        />
      ) : null}
      {showInterrupted && status?.interrupted ? (
        <ErrorNotice
          intent="info"
          title="A sync stopped part way."
          message={`It had read ${countOf(status.interrupted.pages, 'page', 'pages')} (${countOf(status.interrupted.people, 'person', 'people')}). The next sync carries on from there.`}
        />
      ) : null}
    </div>
  );
}

function progressLine(view: SyncView): string {
  const running = view.status?.running;
  if (running) {
    const what = running.kind === 'full' ? 'Reading everyone in the directory' : 'Reading the changes since the last sync';
    return `${what}: ${countOf(running.pages, 'page', 'pages')}, ${countOf(running.people, 'person', 'people')} so far.`;
  }
  if (view.requesting || view.following) return 'Starting the sync…';
  switch (view.outcome) {
    case 'synced':
      return 'Sync finished. The people and problems below are up to date.';
    case 'failed':
      return 'The sync did not finish.';
    case 'unknown':
      return 'The sync has ended.';
    default:
      return '';
  }
}
