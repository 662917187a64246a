import { useState, type ReactElement } from 'react';
import { Button, Checkbox, Field, Input } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { putSurveyItems, type CohortSurveys, type SurveyRole } from '../../../../bot/program/surveys/api';
import { call, type TokenSource } from '../../api';
import { useOutcomesStyles } from './outcomesStyles';
import { SubmitOutcome, useSubmit } from './useSubmit';

interface DraftItem {
  /** Absent for a new question (the service gives it an id). */
  id?: string;
  text: string;
  roles: SurveyRole[];
}

const ROLES: { role: SurveyRole; label: string }[] = [
  { role: 'executive', label: 'Executives' },
  { role: 'mentor', label: 'Mentors' },
];

/** The taskforce's edit of a cohort's questions, until the pre survey opens (the service checks every rule again). */
export function SurveyItemsEditor({ surveys, token, onSaved }: { surveys: CohortSurveys; token: TokenSource; onSaved(): void }): ReactElement {
  const styles = useOutcomesStyles();
  const [items, setItems] = useState<DraftItem[]>(surveys.items.map((item) => ({ ...item })));
  const submit = useSubmit(onSaved);
  const change = (index: number, next: Partial<DraftItem>) => setItems(items.map((item, i) => (i === index ? { ...item, ...next } : item)));
  const toggleRole = (index: number, role: SurveyRole, on: boolean) => {
    const roles = items[index].roles.filter((r) => r !== role);
    change(index, { roles: on ? [...roles, role] : roles });
  };
  return (
    <div className={styles.form} data-testid="survey-items-editor">
      {items.map((item, index) => (
        <div key={item.id ?? `new-${index}`} className={styles.formRow}>
          <Field label={`Question ${index + 1}`} className={styles.grow}>
            <Input value={item.text} onChange={(_, data) => change(index, { text: data.value })} />
          </Field>
          {ROLES.map(({ role, label }) => (
            <Checkbox key={role} label={label} checked={item.roles.includes(role)} onChange={(_, data) => toggleRole(index, role, data.checked === true)} />
          ))}
          <Button appearance="subtle" icon={<DeleteRegular />} aria-label={`Remove question ${index + 1}`} onClick={() => setItems(items.filter((_, i) => i !== index))} />
        </div>
      ))}
      <SubmitOutcome submit={submit} />
      <div className={styles.actions}>
        <Button icon={<AddRegular />} onClick={() => setItems([...items, { text: '', roles: ['executive', 'mentor'] }])}>
          Add a question
        </Button>
        <Button
          appearance="primary"
          disabled={submit.busy}
          onClick={() =>
            void submit.run(() => call(putSurveyItems, { params: { cohortId: surveys.cohortId }, body: { items }, ifMatch: surveys.etag, token }), 'The questions are saved.')
          }
        >
          Save the questions
        </Button>
      </div>
    </div>
  );
}
