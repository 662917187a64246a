import type { ReactElement } from 'react';
import { Field, Input } from '@fluentui/react-components';
import type { CohortDraft } from './cohortDraft';

/**
 * "Mentoring year starts on": optional until the pairs are confirmed (empty means the default, which the hint names),
 * then read-only, since every pair's quarters and the surveys hang on it.
 */
export function YearStartField({ draft, problem, onChange }: { draft: CohortDraft; problem?: string; onChange(value: string): void }): ReactElement {
  if (draft.year) {
    return (
      <Field label="Mentoring year starts on" hint="Fixed now that the pairs are confirmed.">
        <Input type="date" value={draft.year.startsOn} readOnly />
      </Field>
    );
  }
  const defaultWords = 'the first Monday at least two weeks after the pairs are confirmed';
  const hint = draft.defaultYearStartsOn ? `Optional. Empty: ${defaultWords} (${draft.defaultYearStartsOn} if they were confirmed today).` : `Optional. Empty: ${defaultWords}.`;
  return (
    <Field label="Mentoring year starts on" hint={hint} validationMessage={problem}>
      <Input type="date" value={draft.yearStartsOn} onChange={(_, data) => onChange(data.value)} />
    </Field>
  );
}
