import { useState, type FormEvent, type ReactElement } from 'react';
import { Button, Field, Radio, RadioGroup, Spinner, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { INTERVIEW_LIMITS, submitScores, type InterviewSheet } from '../../../../bot/program/interviews/api';
import { call, messageOf, type TokenSource } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  criterion: {
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  footer: { display: 'flex', gap: tokens.spacingHorizontalS },
});

const NOTES_LIMIT = INTERVIEW_LIMITS.notes;
const AREAS_LIMIT = INTERVIEW_LIMITS.mentorAreas;

/** Each criterion scored 1 to 5 (the anchor sentence says what each score means), notes, and the areas to mentor on. */
export function RubricForm({ token, sheet, onSaved }: { token: TokenSource; sheet: InterviewSheet; onSaved(): void }): ReactElement {
  const styles = useStyles();
  const { rubric, interview, candidate } = sheet;
  const [scores, setScores] = useState<Record<string, number>>(() => ({ ...interview.scores }));
  const [notes, setNotes] = useState(interview.notes);
  const [mentorAreas, setMentorAreas] = useState(interview.mentorAreas);
  const [checked, setChecked] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const missing = rubric.filter((criterion) => !scores[criterion.id]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setChecked(true);
    if (missing.length > 0) return;
    setSaving(true);
    setError(undefined);
    call(submitScores, {
      params: { cohortId: candidate.cohortId, personId: candidate.personId },
      body: { scores, notes: notes.trim(), mentorAreas: mentorAreas.trim() },
      // Names the scores this form started from: a change made meanwhile (in chat, say) answers a conflict.
      ifMatch: interview.etag ?? '',
      token,
    })
      .then(onSaved)
      .catch((failure: unknown) => setError(messageOf(failure)))
      .finally(() => setSaving(false));
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={`Rubric for ${candidate.name}`}>
      {rubric.map((criterion) => (
        <Field
          key={criterion.id}
          className={styles.criterion}
          label={criterion.title}
          required
          validationMessage={checked && !scores[criterion.id] ? 'Choose a score from 1 to 5.' : undefined}
        >
          <RadioGroup value={scores[criterion.id] ? String(scores[criterion.id]) : ''} onChange={(_, data) => setScores({ ...scores, [criterion.id]: Number(data.value) })}>
            {criterion.anchors.map((anchor, k) => (
              <Radio key={k} value={String(k + 1)} label={`${k + 1} · ${anchor}`} />
            ))}
          </RadioGroup>
        </Field>
      ))}
      <Field label="Areas they would mentor on" hint={`${mentorAreas.length}/${AREAS_LIMIT}`}>
        <Textarea value={mentorAreas} maxLength={AREAS_LIMIT} resize="vertical" onChange={(_, data) => setMentorAreas(data.value)} />
      </Field>
      <Field label="Notes" hint={`Seen only by the taskforce. ${notes.length}/${NOTES_LIMIT}`}>
        <Textarea value={notes} maxLength={NOTES_LIMIT} rows={4} resize="vertical" onChange={(_, data) => setNotes(data.value)} />
      </Field>
      {checked && missing.length > 0 ? (
        <ErrorNotice intent="warning" title="Some criteria have no score." message={`Score ${missing.map((c) => c.title).join(', ')} before saving.`} />
      ) : null}
      {error ? <ErrorNotice title="The scores were not saved." message={error} /> : null}
      <div className={styles.footer}>
        <Button appearance="primary" type="submit" disabled={saving} icon={saving ? <Spinner size="tiny" /> : undefined}>
          {interview.submittedAt ? 'Save changes' : 'Submit scores'}
        </Button>
      </div>
    </form>
  );
}
