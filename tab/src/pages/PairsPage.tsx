import type { ReactElement } from 'react';
import { Link, Spinner } from '@fluentui/react-components';
import { PeopleLinkRegular } from '@fluentui/react-icons';
import type { TokenSource } from '../api';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { Page } from '../components/Page';
import { CohortChooser, useCohortChoice } from './pairs/CohortChooser';
import { MatchingReview } from './pairs/MatchingReview';
import { usePairsStyles } from './pairs/pairsStyles';
import { signedInToken } from './people/signedInToken';

interface PairsPageProps {
  /** The signed-in person's token; by default read from where sign-in keeps it. */
  token?: TokenSource;
}

/** The taskforce's review of matching for a cohort: run, lock, ban, swap, confirm; then the confirmed pairs. */
export function PairsPage({ token = signedInToken }: PairsPageProps): ReactElement {
  const styles = usePairsStyles();
  const { cohorts, cohortId, choose } = useCohortChoice('pairs/cohorts', token);
  const list = cohorts.value;
  return (
    <Page title="Pairs" description="Proposed mentor and executive pairs, matched on shared interests and never inside a chain of command.">
      {!list ? (
        cohorts.error ? (
          <ErrorNotice title="The cohorts could not be loaded." message={cohorts.error} onRetry={cohorts.retry} />
        ) : (
          <div className={styles.centred}>
            <Spinner label="Loading cohorts…" />
          </div>
        )
      ) : !cohortId ? (
        <EmptyState icon={<PeopleLinkRegular />} title="No pairs yet." actions={<Link href="#/cohorts">Go to Cohorts</Link>}>
          Pairs are proposed here for a cohort once its mentors and executives are accepted. Create a cohort first.
        </EmptyState>
      ) : (
        <div className={styles.stack}>
          <CohortChooser cohorts={list} value={cohortId} onChange={choose} />
          <MatchingReview key={cohortId} token={token} cohortId={cohortId} />
        </div>
      )}
    </Page>
  );
}
