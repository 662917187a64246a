import type { ReactElement } from 'react';
import { Link, Spinner } from '@fluentui/react-components';
import { DataTrendingRegular } from '@fluentui/react-icons';
import { getEos } from '../../../bot/program/eos/api';
import { getCohortSurveys, getSurveyResults } from '../../../bot/program/surveys/api';
import { call, type TokenSource } from '../api';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { Page } from '../components/Page';
import { CohortChooser, useCohortChoice } from './pairs/CohortChooser';
import { EosSection } from './outcomes/EosSection';
import { MeetingsSection } from './outcomes/MeetingsSection';
import { SharedLearningsSection } from './outcomes/SharedLearningsSection';
import { SurveyResultsSection } from './outcomes/SurveyResultsSection';
import { SurveyRoundsSection } from './outcomes/SurveyRoundsSection';
import { useOutcomesStyles } from './outcomes/outcomesStyles';
import { signedInToken } from './people/signedInToken';
import { useLoaded } from './people/useLoaded';

interface OutcomesPageProps {
  token?: TokenSource;
}

/** The taskforce's view of what the program changed: the cohort's surveys and their results, its meetings per quarter. */
export function OutcomesPage({ token = signedInToken }: OutcomesPageProps): ReactElement {
  const styles = useOutcomesStyles();
  const { cohorts, cohortId, choose } = useCohortChoice('outcomes/cohorts', token);
  const list = cohorts.value;
  return (
    <Page title="Outcomes" description="What the participants said before and after their year, with the statistics done right and nobody’s answers on show.">
      {!list ? (
        cohorts.error ? (
          <ErrorNotice title="The cohorts could not be loaded." message={cohorts.error} onRetry={cohorts.retry} />
        ) : (
          <div className={styles.centred}>
            <Spinner label="Loading cohorts…" />
          </div>
        )
      ) : !cohortId ? (
        <EmptyState icon={<DataTrendingRegular />} title="No outcomes yet." actions={<Link href="#/cohorts">Go to Cohorts</Link>}>
          Surveys start when a cohort’s pairs are confirmed. Create a cohort first.
        </EmptyState>
      ) : (
        <div className={styles.stack}>
          <CohortChooser cohorts={list} value={cohortId} onChange={choose} />
          <CohortOutcomes key={cohortId} cohortId={cohortId} token={token} />
          <InstitutionSurvey token={token} />
        </div>
      )}
    </Page>
  );
}

function CohortOutcomes({ cohortId, token }: { cohortId: string; token: TokenSource }): ReactElement {
  const styles = useOutcomesStyles();
  const surveys = useLoaded(`outcomes/surveys/${cohortId}`, (signal) => call(getCohortSurveys, { params: { cohortId }, token, signal }));
  const results = useLoaded(`outcomes/results/${cohortId}`, (signal) => call(getSurveyResults, { params: { cohortId }, token, signal }));
  return (
    <div className={styles.stack}>
      {surveys.value ? (
        <SurveyRoundsSection surveys={surveys.value} token={token} onChanged={surveys.retry} />
      ) : surveys.error ? (
        <ErrorNotice title="The surveys could not be loaded." message={surveys.error} onRetry={surveys.retry} />
      ) : (
        <Spinner label="Loading surveys…" />
      )}
      {results.value ? (
        <SurveyResultsSection results={results.value} />
      ) : results.error ? (
        <ErrorNotice title="The results could not be loaded." message={results.error} onRetry={results.retry} />
      ) : (
        <Spinner label="Loading results…" />
      )}
      <MeetingsSection cohortId={cohortId} token={token} />
      <SharedLearningsSection cohortId={cohortId} token={token} />
    </div>
  );
}

function InstitutionSurvey({ token }: { token: TokenSource }): ReactElement {
  const eos = useLoaded('outcomes/eos', (signal) => call(getEos, { token, signal }));
  if (eos.value) return <EosSection eos={eos.value} token={token} onChanged={eos.retry} />;
  if (eos.error) return <ErrorNotice title="The institution-wide survey could not be loaded." message={eos.error} onRetry={eos.retry} />;
  return <Spinner label="Loading the institution-wide survey…" />;
}
