import { useMemo, type ReactElement } from 'react';
import { Spinner } from '@fluentui/react-components';
import { createCohort, getCohort, getCohortDefaults, updateCohort } from '../../../../bot/program/cohorts/api';
import { call, type TokenSource } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Page } from '../../components/Page';
import { useLoaded } from '../people/useLoaded';
import { BackLink } from './BackLink';
import { CohortForm } from './CohortForm';
import { draftFromCohort, newDraft } from './cohortDraft';
import { useCardStyles } from './cohortStyles';

const toList = (): void => {
  window.location.hash = '#/cohorts';
};

function Loading({ label }: { label: string }): ReactElement {
  const card = useCardStyles();
  return (
    <div className={card.centred}>
      <Spinner label={label} />
    </div>
  );
}

/** A new cohort starts from the default rubric, which the service supplies. */
export function NewCohort({ token }: { token: TokenSource }): ReactElement {
  const defaults = useLoaded('cohort-defaults', async (signal) => (await call(getCohortDefaults, { token, signal })).rubric);
  const today = useMemo(() => new Date(), []);
  return (
    <>
      <BackLink href="#/cohorts">Cohorts</BackLink>
      <Page title="New cohort" description="A year of the program: when applications open, the topics people choose from, and how interviews are scored.">
        {defaults.value ? (
          <CohortForm
            initial={newDraft(defaults.value, today)}
            submitLabel="Create cohort"
            save={(input) => call(createCohort, { body: input, token })}
            onSaved={toList}
            onCancel={toList}
          />
        ) : defaults.error ? (
          <ErrorNotice title="The default rubric could not be loaded." message={defaults.error} onRetry={defaults.retry} />
        ) : (
          <Loading label="Preparing the form…" />
        )}
      </Page>
    </>
  );
}

/** Saving names the version read (If-Match), so a change made by someone else meanwhile is never overwritten. */
export function EditCohort({ token, cohortId }: { token: TokenSource; cohortId: string }): ReactElement {
  const cohort = useLoaded(`cohort:${cohortId}`, (signal) => call(getCohort, { params: { cohortId }, token, signal }));
  const loaded = cohort.value;
  return (
    <>
      <BackLink href="#/cohorts">Cohorts</BackLink>
      <Page title={loaded ? `Edit ${loaded.name}` : 'Edit cohort'} description="Changes apply to applications from now on; topic ids stay the same when you rename a topic.">
        {cohort.error ? <ErrorNotice title="The cohort could not be loaded." message={cohort.error} onRetry={cohort.retry} /> : null}
        {loaded ? (
          <CohortForm
            // A reload after a conflict brings a new ETag and starts the form again from what was saved.
            key={loaded.etag}
            initial={draftFromCohort(loaded)}
            submitLabel="Save changes"
            save={(input) => call(updateCohort, { params: { cohortId }, body: input, ifMatch: loaded.etag, token })}
            onSaved={toList}
            onCancel={toList}
            onReload={cohort.retry}
          />
        ) : cohort.error ? null : (
          <Loading label="Loading the cohort…" />
        )}
      </Page>
    </>
  );
}
