import { useState, type ReactElement } from 'react';
import { Badge, Body1, Caption1, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Me } from '../../../../bot/http/sessionApi';
import { getInterviewSheet, type InterviewSheet } from '../../../../bot/program/interviews/api';
import { call, type TokenSource } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Page } from '../../components/Page';
import { useLoaded } from '../people/useLoaded';
import { ApplicantAnswers } from '../cohorts/ApplicantSections';
import { BackLink } from '../cohorts/BackLink';
import { useCardStyles } from '../cohorts/cohortStyles';
import { STAGE_COLORS, STAGE_NAMES, formatMoment } from '../cohorts/describeIntake';
import { RubricForm } from './RubricForm';
import { ScoresView } from './ScoresView';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 2fr)',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    '@media (max-width: 800px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  badges: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/** Why this person cannot score this interview, in a sentence; undefined when they can. */
function readOnlyReason(sheet: InterviewSheet, me: Me): string | undefined {
  if (sheet.canScore) return undefined;
  const name = sheet.candidate.name;
  if (sheet.candidate.interviewerId !== me.id) {
    return sheet.candidate.interviewerName
      ? `${sheet.candidate.interviewerName} interviews ${name}, so only they can score. You can read the interview here.`
      : `Nobody is assigned to interview ${name} yet, so it cannot be scored.`;
  }
  return `The taskforce has decided on ${name}, so these scores can no longer change.`;
}

export function InterviewSheetView(props: { me: Me; token: TokenSource; cohortId: string; personId: string }): ReactElement {
  const styles = useStyles();
  const card = useCardStyles();
  const [version, setVersion] = useState(0);
  const [saved, setSaved] = useState(false);
  const sheet = useLoaded(`${props.cohortId}/${props.personId}/${version}`, (signal) =>
    call(getInterviewSheet, { params: { cohortId: props.cohortId, personId: props.personId }, token: props.token, signal }),
  );
  const back = <BackLink href="#/interviews">My interviews</BackLink>;
  const loaded = sheet.value;

  if (!loaded) {
    return (
      <>
        {back}
        <Page title="Interview" description="Score the candidate on the cohort's rubric.">
          {sheet.error ? (
            <ErrorNotice title="This interview could not be loaded." message={sheet.error} onRetry={sheet.retry} />
          ) : (
            <div className={card.centred}>
              <Spinner label="Loading the interview…" />
            </div>
          )}
        </Page>
      </>
    );
  }

  const { candidate, interview, rubric } = loaded;
  const reason = readOnlyReason(loaded, props.me);
  return (
    <>
      {back}
      <Page title={`Interview with ${candidate.name}`} description={[candidate.jobTitle, candidate.department].filter(Boolean).join(' · ') || 'Mentor nominee'}>
        <div className={card.stack}>
          <div className={styles.badges}>
            <Badge appearance="tint" color={STAGE_COLORS[candidate.stage]}>
              {STAGE_NAMES[candidate.stage]}
            </Badge>
            <Caption1 className={card.muted}>{interview.submittedAt ? `Scored ${formatMoment(interview.submittedAt)}` : 'Not scored yet'}</Caption1>
          </div>
          {saved ? (
            <MessageBar intent="success" politeness="polite">
              <MessageBarBody>Scores saved. The taskforce sees them with {candidate.name}’s application.</MessageBarBody>
            </MessageBar>
          ) : null}
          {reason ? <ErrorNotice intent="info" title="Read only" message={reason} /> : null}
          <div className={styles.layout}>
            <section className={card.card} aria-labelledby="application-heading">
              <Subtitle2 as="h2" id="application-heading" className={card.heading}>
                Their application
              </Subtitle2>
              <ApplicantAnswers detail={{ application: candidate, interview, rubric, topics: loaded.topics }} />
            </section>
            <section className={card.card} aria-labelledby="rubric-heading">
              <Subtitle2 as="h2" id="rubric-heading" className={card.heading}>
                Rubric
              </Subtitle2>
              {loaded.canScore ? (
                <RubricForm
                  token={props.token}
                  sheet={loaded}
                  onSaved={() => {
                    setSaved(true);
                    setVersion((n) => n + 1);
                  }}
                />
              ) : interview.submittedAt ? (
                <ScoresView interview={interview} rubric={rubric} />
              ) : (
                <Body1 className={card.muted}>No scores yet.</Body1>
              )}
            </section>
          </div>
        </div>
      </Page>
    </>
  );
}
