import { useState, type ReactElement } from 'react';
import { Button, Caption1, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Subtitle2 } from '@fluentui/react-components';
import { putMySurveyAnswers, type MySurvey } from '../../../../bot/program/surveys/api';
import { call, isApiError, messageOf, type TokenSource } from '../../api';
import { day } from './describeOutcomes';
import { useOutcomesStyles } from './outcomesStyles';

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
  const [state, setState] = useState<{ saving: boolean; error?: string; saved?: boolean }>({ saving: false });
  const headingId = `survey-${survey.cohortId}-${survey.round}`;
  const complete = survey.items.every((item) => answers[item.id] !== undefined);
  const save = async () => {
    setState({ saving: true });
    try {
      await call(putMySurveyAnswers, { params: { cohortId: survey.cohortId, round: survey.round }, body: { answers }, ifMatch: survey.version, token });
      setState({ saving: false, saved: true });
      onSaved();
    } catch (error) {
      // A stale version (answered on the card meanwhile): reload so the form shows what is saved now.
      if (isApiError(error, 'Conflict')) onSaved();
      setState({ saving: false, error: messageOf(error) });
    }
  };
  return (
    <section className={styles.card} aria-labelledby={headingId} data-testid="my-survey">
      <div>
        <Subtitle2 as="h2" id={headingId} className={styles.heading}>
          {survey.round === 'pre' ? 'Before you start: a short survey' : 'Your year in mentoring: a short survey'}
        </Subtitle2>
        <Caption1 className={styles.intro}>
          {survey.cohortName}. Your answers are stored without your name and only shown as totals for groups of at least five people. You can change them until{' '}
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
      {state.error ? (
        <MessageBar intent="error">
          <MessageBarBody>{state.error}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.saved ? (
        <MessageBar intent="success">
          <MessageBarBody>Thank you: your answers are saved.</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!complete || state.saving} onClick={() => void save()}>
          {survey.answers ? 'Change my answers' : 'Send my answers'}
        </Button>
      </div>
    </section>
  );
}
