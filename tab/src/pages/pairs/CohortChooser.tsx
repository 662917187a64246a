import { useState, type ReactElement } from 'react';
import { Field, Select, makeStyles } from '@fluentui/react-components';
import { listCohorts, type CohortJson } from '../../../../bot/program/cohorts/api';
import { call, type TokenSource } from '../../api';
import { useLoaded, type Loaded } from '../people/useLoaded';

const useStyles = makeStyles({
  field: { maxWidth: '420px' },
});

const STATUS_WORDS: Record<CohortJson['status'], string> = { draft: 'draft', open: 'open', closed: 'closed' };

/** The cohort the page starts on: the open one, else the newest. */
export function defaultCohort(cohorts: readonly CohortJson[]): CohortJson | undefined {
  const newestFirst = [...cohorts].sort((a, b) => b.programYear - a.programYear || b.createdAt.localeCompare(a.createdAt));
  return newestFirst.find((cohort) => cohort.status === 'open') ?? newestFirst[0];
}

/** The cohorts, and the one a page shows: the person's choice, else the default one. */
export function useCohortChoice(key: string, token: TokenSource): { cohorts: Loaded<CohortJson[]>; cohortId: string | undefined; choose(cohortId: string): void } {
  const cohorts = useLoaded(key, async (signal) => (await call(listCohorts, { token, signal })).cohorts);
  const [chosen, setChosen] = useState<string | undefined>();
  return { cohorts, cohortId: chosen ?? (cohorts.value ? defaultCohort(cohorts.value)?.id : undefined), choose: setChosen };
}

interface CohortChooserProps {
  cohorts: readonly CohortJson[];
  value: string;
  onChange(cohortId: string): void;
}

export function CohortChooser({ cohorts, value, onChange }: CohortChooserProps): ReactElement {
  const styles = useStyles();
  return (
    <Field label="Cohort" className={styles.field}>
      <Select value={value} onChange={(_, data) => onChange(data.value)}>
        {cohorts.map((cohort) => (
          <option key={cohort.id} value={cohort.id}>
            {cohort.name} · {STATUS_WORDS[cohort.status]}
          </option>
        ))}
      </Select>
    </Field>
  );
}
