import { useState, type FormEvent, type ReactElement } from 'react';
import { Button, Caption1, Field, Input, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { COHORT_LIMITS, type CohortInput, type CohortJson } from '../../../../bot/program/cohorts/api';
import { isApiError, messageOf } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { addCriterion, addTopic, draftProblems, toCohortInput, type CohortDraft, type DraftCriterion, type DraftProblems } from './cohortDraft';
import { useCardStyles } from './cohortStyles';
import { RubricEditor } from './RubricEditor';
import { TopicsEditor } from './TopicsEditor';
import { YearStartField } from './YearStartField';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  details: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  name: { gridColumn: '1 / -1' },
  footer: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

interface CohortFormProps {
  initial: CohortDraft;
  submitLabel: string;
  save(input: CohortInput): Promise<CohortJson>;
  onSaved(cohort: CohortJson): void;
  onCancel(): void;
  /** Edit only: reads the cohort again after someone else changed it (this form's changes are dropped). */
  onReload?: () => void;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'failed'; message: string } | { kind: 'conflict' };

export function CohortForm({ initial, submitLabel, save, onSaved, onCancel, onReload }: CohortFormProps): ReactElement {
  const styles = useStyles();
  const card = useCardStyles();
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<DraftProblems>({});
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  // Problems show after the first attempt to save, then follow each edit.
  const [checked, setChecked] = useState(false);

  const update = (next: CohortDraft): void => {
    setDraft(next);
    if (checked) setProblems(draftProblems(next));
  };
  const patch = (change: Partial<CohortDraft>): void => update({ ...draft, ...change });
  const patchCriterion = (key: string, change: Partial<DraftCriterion>): void => patch({ rubric: draft.rubric.map((c) => (c.key === key ? { ...c, ...change } : c)) });

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const found = draftProblems(draft);
    setChecked(true);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setSaveState({ kind: 'saving' });
    try {
      onSaved(await save(toCohortInput(draft)));
    } catch (error) {
      setSaveState(isApiError(error, 'Conflict') && onReload ? { kind: 'conflict' } : { kind: 'failed', message: messageOf(error) });
    }
  };

  const saving = saveState.kind === 'saving';
  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate aria-label="Cohort">
      <section className={card.card} aria-labelledby="cohort-details">
        <Subtitle2 as="h2" id="cohort-details" className={card.heading}>
          Details
        </Subtitle2>
        <div className={styles.details}>
          <Field className={styles.name} label="Name" required validationMessage={problems.name}>
            <Input value={draft.name} maxLength={COHORT_LIMITS.name} onChange={(_, data) => patch({ name: data.value })} placeholder="Mentoring Up 2027" />
          </Field>
          <Field label="Program year" required validationMessage={problems.programYear}>
            <Input type="number" min={2000} max={2100} value={draft.programYear} onChange={(_, data) => patch({ programYear: data.value })} />
          </Field>
          <Field label="Applications open" required validationMessage={problems.opensOn}>
            <Input type="date" value={draft.opensOn} onChange={(_, data) => patch({ opensOn: data.value })} />
          </Field>
          <Field label="Applications close" required validationMessage={problems.closesOn}>
            <Input type="date" value={draft.closesOn} onChange={(_, data) => patch({ closesOn: data.value })} />
          </Field>
          <YearStartField draft={draft} problem={problems.yearStartsOn} onChange={(yearStartsOn) => patch({ yearStartsOn })} />
        </div>
        {draft.year ? (
          <Caption1 data-testid="cohort-year">
            The mentoring year runs from {draft.year.startsOn} to {draft.year.endsOn}. Quarters:{' '}
            {draft.year.quarters.map((q) => `${q.quarter}: ${q.opensOn} to ${q.closesOn}`).join('; ')}. The end-of-year survey opens on {draft.year.postSurveyOpensOn}.
          </Caption1>
        ) : null}
      </section>

      <section className={card.card} aria-label="Topics">
        <TopicsEditor
          topics={draft.topics}
          problem={problems.topics}
          onRename={(key, title) => patch({ topics: draft.topics.map((t) => (t.key === key ? { ...t, title } : t)) })}
          onRemove={(key) => patch({ topics: draft.topics.filter((t) => t.key !== key) })}
          onAdd={() => update(addTopic(draft))}
        />
      </section>

      <section className={card.card} aria-label="Interview rubric">
        <RubricEditor
          rubric={draft.rubric}
          problem={problems.rubric}
          onChange={patchCriterion}
          onRemove={(key) => patch({ rubric: draft.rubric.filter((c) => c.key !== key) })}
          onAdd={() => update(addCriterion(draft))}
        />
      </section>

      {saveState.kind === 'failed' ? <ErrorNotice title="The cohort was not saved." message={saveState.message} /> : null}
      {saveState.kind === 'conflict' && onReload ? (
        <MessageBar intent="warning" layout="multiline" politeness="assertive">
          <MessageBarBody>
            <MessageBarTitle>Someone else changed this cohort.</MessageBarTitle>
            Reload to see their changes, then make yours again.
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={onReload}>
              Reload
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}

      <div className={styles.footer}>
        <Button appearance="primary" type="submit" disabled={saving} icon={saving ? <Spinner size="tiny" /> : undefined}>
          {saving ? 'Saving…' : submitLabel}
        </Button>
        <Button appearance="secondary" onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
