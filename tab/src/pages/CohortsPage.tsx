import type { ReactElement } from 'react';
import type { TokenSource } from '../api';
import { Page } from '../components/Page';
import { useHash } from '../routes';
import { CohortList } from './cohorts/CohortList';
import { EditCohort, NewCohort } from './cohorts/CohortEditors';
import { parseCohortView } from './cohorts/cohortRoute';
import { CohortPipeline } from './cohorts/CohortPipeline';
import { signedInToken } from './people/signedInToken';

interface CohortsPageProps {
  /** The signed-in person's token; by default read from where sign-in keeps it. */
  token?: TokenSource;
}

/** The taskforce's cohorts: the list, a new or edited cohort, and each cohort's applicant pipeline. */
export function CohortsPage({ token = signedInToken }: CohortsPageProps): ReactElement {
  const view = parseCohortView(useHash());
  switch (view.view) {
    case 'new':
      return <NewCohort token={token} />;
    case 'edit':
      return <EditCohort key={view.cohortId} token={token} cohortId={view.cohortId} />;
    case 'pipeline':
      return <CohortPipeline key={view.cohortId} token={token} cohortId={view.cohortId} personId={view.personId} />;
    case 'list':
      return (
        <Page title="Cohorts" description="Each cohort is one year of the program, from nominations to the final survey.">
          <CohortList token={token} />
        </Page>
      );
  }
}
