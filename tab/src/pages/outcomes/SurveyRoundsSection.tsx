import type { ReactElement } from 'react';
import type { TokenSource } from '../../api';
import { Body1, Caption1, MessageBar, MessageBarBody, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { CohortSurveys } from '../../../../bot/program/surveys/api';
import { answeredLine, roundLine, roundTitle } from './describeOutcomes';
import { useOutcomesStyles } from './outcomesStyles';
import { SurveyItemsEditor } from './SurveyItemsEditor';

/** The cohort's survey rounds: when they run and how many answered (counts only: who answered is never shown). */
export function SurveyRoundsSection({ surveys, token, onChanged }: { surveys: CohortSurveys; token: TokenSource; onChanged(): void }): ReactElement {
  const styles = useOutcomesStyles();
  return (
    <section className={styles.card} aria-labelledby="survey-rounds">
      <div>
        <Subtitle2 as="h2" id="survey-rounds" className={styles.heading}>
          Surveys
        </Subtitle2>
        <Caption1 className={styles.intro}>
          The pre survey opens when the pairs are confirmed, the post survey at the end of the year; each is open two weeks with a reminder after one. You see how many answered,
          never who.
        </Caption1>
      </div>
      {surveys.secretMissing ? (
        <MessageBar intent="warning">
          <MessageBarBody>Surveys cannot take answers: the service has no pseudonym secret (SURVEY_PSEUDONYM_SECRET) configured.</MessageBarBody>
        </MessageBar>
      ) : null}
      {surveys.rounds.length === 0 ? (
        <Body1>The surveys are planned when this cohort’s pairs are confirmed.</Body1>
      ) : (
        <div className={styles.tableScroller}>
          <Table className={styles.table} size="small" aria-label="Survey rounds">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Survey</TableHeaderCell>
                <TableHeaderCell>When</TableHeaderCell>
                <TableHeaderCell>Executives</TableHeaderCell>
                <TableHeaderCell>Mentors</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {surveys.rounds.map((round) => (
                <TableRow key={round.round}>
                  <TableCell>{roundTitle(round)}</TableCell>
                  <TableCell>{roundLine(round)}</TableCell>
                  <TableCell>{answeredLine(round, 'executive')}</TableCell>
                  <TableCell>{answeredLine(round, 'mentor')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <div>
        <Body1 as="h3" className={styles.heading}>
          Questions {surveys.itemsLocked ? '(fixed: the pre survey has opened)' : '(each on a 5-point scale from Strongly disagree to Strongly agree)'}
        </Body1>
        {surveys.itemsLocked ? (
          <ul className={styles.list}>
            {surveys.items.map((item) => (
              <li key={item.id}>
                {item.text} <Caption1 className={styles.muted}>({item.roles.map((r) => (r === 'executive' ? 'executives' : 'mentors')).join(' and ')})</Caption1>
              </li>
            ))}
          </ul>
        ) : (
          <SurveyItemsEditor key={surveys.etag} surveys={surveys} token={token} onSaved={onChanged} />
        )}
      </div>
    </section>
  );
}
