import { useState, type ReactElement } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { TokenSource } from '../api';
import { Page } from '../components/Page';
import { AnomaliesSection } from './people/AnomaliesSection';
import { ParkedJobsSection } from './people/ParkedJobsSection';
import { PeopleSearch } from './people/PeopleSearch';
import { signedInToken } from './people/signedInToken';
import { SyncStatusCard } from './people/SyncStatusCard';
import { useDirectoryStatus } from './people/useDirectoryStatus';

const useStyles = makeStyles({
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
});

interface PeoplePageProps {
  /** The signed-in person's token; by default read from where sign-in keeps it. */
  token?: TokenSource;
}

/** The taskforce's view of the org directory: its sync, the problems in its data, and everyone in it. */
export function PeoplePage({ token = signedInToken }: PeoplePageProps): ReactElement {
  const styles = useStyles();
  const directory = useDirectoryStatus(token);
  const version = String(useCompletedSyncs(directory.view.status?.lastSync?.at));
  return (
    <Page title="People" description="The org directory behind the program: its last sync, problems in its data, and everyone in it.">
      <div className={styles.sections}>
        <SyncStatusCard handle={directory} />
        <AnomaliesSection token={token} version={version} />
        <PeopleSearch token={token} version={version} />
        <ParkedJobsSection token={token} />
      </div>
    </Page>
  );
}

/**
 * Counts the syncs seen to complete while the page is open, so problems and people are read again after each one (and
 * not again merely because the status arrived after them).
 */
function useCompletedSyncs(lastSyncAt: string | undefined): number {
  const [seen, setSeen] = useState(lastSyncAt);
  const [completed, setCompleted] = useState(0);
  if (lastSyncAt !== seen) {
    setSeen(lastSyncAt);
    if (seen !== undefined) setCompleted(completed + 1);
  }
  return completed;
}
