import { useState, type ReactElement } from 'react';
import { Spinner } from '@fluentui/react-components';
import { listCohorts } from '../../../bot/program/cohorts/api';
import { call, type TokenSource } from '../api';
import { ErrorNotice } from '../components/ErrorNotice';
import { Page } from '../components/Page';
import { useCardStyles } from './cohorts/cohortStyles';
import { IceBreakerPanel } from './orientation/IceBreakerPanel';
import { OrientationPanel } from './orientation/OrientationPanel';
import { CohortChooser, defaultCohort } from './pairs/CohortChooser';
import { signedInToken } from './people/signedInToken';
import { useLoaded } from './people/useLoaded';

/** The start of a cohort's year for the taskforce: the orientations (texts, sessions, who has read them) and the ice breaker. */
export function OrientationPage({ token = signedInToken }: { token?: TokenSource }): ReactElement {
  const card = useCardStyles();
  const cohorts = useLoaded('orientation/cohorts', async (signal) => (await call(listCohorts, { token, signal })).cohorts);
  const [chosen, setChosen] = useState<string>();
  const list = cohorts.value;
  const cohortId = chosen ?? (list ? defaultCohort(list)?.id : undefined);
  return (
    <Page title="Orientation and ice breaker" description="After pairs are confirmed: the orientations each person reads, their sessions, and the group ice breaker.">
      {!list ? (
        cohorts.error ? (
          <ErrorNotice title="The cohorts could not be loaded." message={cohorts.error} onRetry={cohorts.retry} />
        ) : (
          <Spinner label="Loading cohorts…" />
        )
      ) : !cohortId ? (
        <ErrorNotice intent="info" title="No cohorts yet." message="Create a cohort and confirm its pairs first." />
      ) : (
        <div className={card.stack}>
          <CohortChooser cohorts={list} value={cohortId} onChange={setChosen} />
          <OrientationPanel key={`o-${cohortId}`} cohortId={cohortId} token={token} />
          <IceBreakerPanel key={`i-${cohortId}`} cohortId={cohortId} token={token} />
        </div>
      )}
    </Page>
  );
}
