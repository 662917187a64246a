import { useState, type ReactElement } from 'react';
import { Button, Caption1, Field, Radio, RadioGroup, Subtitle2 } from '@fluentui/react-components';
import { putMySurveyAnswers, type MySurvey } from '../../../../bot/program/surveys/api';
import { call, type TokenSource } from '../../api';
import { day } from './describeOutcomes';
import { useOutcomesStyles } from './outcomesStyles';
import { SubmitOutcome, useSubmit } from './useSubmit';

/** The participant's open surveys on My mentoring: the same questions as the card in chat, changeable until the close. */
export function MySurveysSection({ surveys, token, onSaved }: { surveys: readonly MySurvey[]; token: TokenSource; onSaved(): void }): ReactElement | null {
  if (surveys.length === 0) return null;
  return (
    <>
      {surveys.map((survey) => (
        <SurveyForm key={`${survey.cohortId}/${survey.round}`} survey={survey} token={token} onSaved={onSaved} />
      ))}
    </>
  );
}

function SurveyForm({ survey, token, onSaved }: { survey: MySurvey; token: TokenSource; onSaved(): void }): ReactElement {
  const styles = useOutcomesStyles();
  const [answers, setAnswers] = useState<Record<string, number>>(survey.answers ?? {});
  const submit = useSubmit(onSaved);
  const headingId = `survey-${survey.cohortId}-${survey.round}`;
  const complete = survey.items.every((item) => answers[item.id] !== undefined);
  const save = () =>
    submit.run(
      () => call(putMySurveyAnswers, { params: { cohortId: survey.cohortId, round: survey.round }, body: { answers }, ifMatch: survey.version, token }),
      'Thank you: your answers are saved.',
    );
  return (
    <section className={styles.card} aria-labelledby={headingId} data-testid="my-survey">
      <div>
        <Subtitle2 as="h2" id={headingId} className={styles.heading}>
          {survey.round === 'pre' ? 'Before you start: a short survey' : 'Your year in mentoring: a short survey'}
        </Subtitle2>
        <Caption1 className={styles.intro}>
          {survey.cohortName}. Your answers are stored without your name and only shown as totals for groups of at least {survey.minimumGroupSize} people. You can change them until{' '}
          {day(survey.closesAt)}.
        </Caption1>
      </div>
      {survey.items.map((item) => (
        <Field key={item.id} label={item.text} required>
          <RadioGroup value={answers[item.id] === undefined ? '' : String(answers[item.id])} onChange={(_, data) => setAnswers({ ...answers, [item.id]: Number(data.value) })}>
            {survey.scale.map((point) => (
              <Radio key={point.value} value={String(point.value)} label={point.label} />
            ))}
          </RadioGroup>
        </Field>
      ))}
      <SubmitOutcome submit={submit} />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!complete || submit.busy} onClick={() => void save()}>
          {survey.answers ? 'Change my answers' : 'Send my answers'}
        </Button>
      </div>
    </section>
  );
}
