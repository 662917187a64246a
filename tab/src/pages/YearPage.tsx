import { useState, type ReactElement } from 'react';
import { Link, Spinner } from '@fluentui/react-components';
import { CalendarLtrRegular } from '@fluentui/react-icons';
import { listCohorts } from '../../../bot/program/cohorts/api';
import { call, type TokenSource } from '../api';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { Page } from '../components/Page';
import { useCardStyles } from './cohorts/cohortStyles';
import { CohortChooser, defaultCohort } from './pairs/CohortChooser';
import { signedInToken } from './people/signedInToken';
import { useLoaded } from './people/useLoaded';
import { AgendaEditor } from './year/AgendaEditor';
import { YearOverview } from './year/YearOverview';

/** The taskforce's year: each pair's quarters (at-risk pairs first), the nudges sent, and the cohort's agendas. */
export function YearPage({ token = signedInToken }: { token?: TokenSource }): ReactElement {
  const card = useCardStyles();
  const cohorts = useLoaded('year/cohorts', async (signal) => (await call(listCohorts, { token, signal })).cohorts);
  const [chosen, setChosen] = useState<string | undefined>();
  const list = cohorts.value;
  const cohortId = chosen ?? (list ? defaultCohort(list)?.id : undefined);
  return (
    <Page title="Year" description="Four meetings a pair, one a quarter: who has met, who is booked, and who needs a hand.">
      {!list ? (
        cohorts.error ? (
          <ErrorNotice title="The cohorts could not be loaded." message={cohorts.error} onRetry={cohorts.retry} />
        ) : (
          <div className={card.centred}>
            <Spinner label="Loading cohorts…" />
          </div>
        )
      ) : !cohortId ? (
        <EmptyState icon={<CalendarLtrRegular />} title="No year yet." actions={<Link href="#/cohorts">Go to Cohorts</Link>}>
          A cohort’s year starts when its pairs are confirmed. Create a cohort first.
        </EmptyState>
      ) : (
        <div className={card.stack}>
          <CohortChooser cohorts={list} value={cohortId} onChange={setChosen} />
          <YearOverview key={`overview-${cohortId}`} token={token} cohortId={cohortId} />
          <AgendaEditor key={`agendas-${cohortId}`} token={token} cohortId={cohortId} />
        </div>
      )}
    </Page>
  );
}
