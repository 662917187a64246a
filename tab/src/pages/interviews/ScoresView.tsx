import type { ReactElement } from 'react';
import { Body1, Body1Strong, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { InterviewJson } from '../../../../bot/program/applications/api';
import type { RubricCriterion } from '../../../../bot/program/cohorts/api';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'grid', gridTemplateColumns: '48px 1fr', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  score: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    height: '32px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  text: { display: 'flex', flexDirection: 'column' },
  muted: { color: tokens.colorNeutralForeground3 },
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  prewrap: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

export function averageOf(scores: Record<string, number>): number | undefined {
  const values = Object.values(scores);
  return values.length === 0 ? undefined : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** A submitted interview as the taskforce reads it: each score with the sentence it stands for, then the notes. */
export function ScoresView({ interview, rubric }: { interview: InterviewJson; rubric: RubricCriterion[] }): ReactElement {
  const styles = useStyles();
  const average = averageOf(interview.scores);
  return (
    <div className={styles.block} data-testid="scores">
      <ul className={styles.list} aria-label="Scores">
        {rubric.map((criterion) => {
          const score = interview.scores[criterion.id];
          return (
            <li key={criterion.id} className={styles.item}>
              <span className={styles.score} aria-label={score ? `${score} out of 5` : 'not scored'}>
                {score ?? '–'}
              </span>
              <span className={styles.text}>
                <Body1Strong>{criterion.title}</Body1Strong>
                <Caption1 className={styles.muted}>{score ? criterion.anchors[score - 1] : 'Not scored'}</Caption1>
              </span>
            </li>
          );
        })}
      </ul>
      {average !== undefined ? <Body1>Average {average.toFixed(1)} out of 5</Body1> : null}
      {interview.mentorAreas ? (
        <div className={styles.block}>
          <Caption1 className={styles.muted}>Areas they would mentor on</Caption1>
          <Body1 className={styles.prewrap}>{interview.mentorAreas}</Body1>
        </div>
      ) : null}
      {interview.notes ? (
        <div className={styles.block}>
          <Caption1 className={styles.muted}>Interviewer’s notes</Caption1>
          <Body1 className={styles.prewrap}>{interview.notes}</Body1>
        </div>
      ) : null}
    </div>
  );
}
