import type { ReactElement } from 'react';
import { Body1, Caption1, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { ItemResultJson, ShownResultJson, SurveyResults } from '../../../../bot/program/surveys/api';
import { interval, percent, points, pValue, ROLE_WORDS } from './describeOutcomes';
import { FavorabilityChart } from './OutcomeCharts';
import { useOutcomesStyles } from './outcomesStyles';

/**
 * Per item and role: favorability before and after (matched people), the change, its 95% interval, McNemar's and
 * Wilcoxon's p with the effect size, and the plain sentence. A group the reporting rule hides shows its warning only.
 */
export function SurveyResultsSection({ results }: { results: SurveyResults }): ReactElement {
  const styles = useOutcomesStyles();
  return (
    <section className={styles.card} aria-labelledby="survey-results">
      <div>
        <Subtitle2 as="h2" id="survey-results" className={styles.heading}>
          Survey results
        </Subtitle2>
        <Caption1 className={styles.intro}>
          Favorable means Agree or Strongly agree. Figures are for the people who answered both surveys, shown only for groups of at least {results.minimumGroupSize} that do not
          sit in one executive’s reporting line.
        </Caption1>
      </div>
      <FavorabilityChart results={results.results.filter((r): r is ShownResultJson => r.shown)} />
      <div className={styles.tableScroller}>
        <Table className={styles.table} size="small" aria-label="Survey results per question and role">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Question</TableHeaderCell>
              <TableHeaderCell>Who</TableHeaderCell>
              <TableHeaderCell>People</TableHeaderCell>
              <TableHeaderCell>Before</TableHeaderCell>
              <TableHeaderCell>After</TableHeaderCell>
              <TableHeaderCell>Change (95% interval)</TableHeaderCell>
              <TableHeaderCell>McNemar</TableHeaderCell>
              <TableHeaderCell>Wilcoxon (r)</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {results.results.map((result) => (
              <ResultRow key={`${result.itemId}/${result.role}`} result={result} />
            ))}
          </TableBody>
        </Table>
      </div>
      {results.results.length === 0 ? <Body1>No questions yet.</Body1> : null}
    </section>
  );
}

function ResultRow({ result }: { result: ItemResultJson }): ReactElement {
  const styles = useOutcomesStyles();
  if (!result.shown) {
    return (
      <TableRow data-testid="result-hidden">
        <TableCell className={styles.question}>{result.itemText}</TableCell>
        <TableCell>{ROLE_WORDS[result.role]}</TableCell>
        <TableCell colSpan={6}>
          <span className={styles.warning}>{result.warning.message}</span>
        </TableCell>
      </TableRow>
    );
  }
  return (
    <TableRow data-testid="result-shown">
      <TableCell className={styles.question}>
        <div className={styles.questionText}>
          <span>{result.itemText}</span>
          <Caption1 className={styles.sentence}>{result.sentence}</Caption1>
        </div>
      </TableCell>
      <TableCell>{ROLE_WORDS[result.role]}</TableCell>
      <TableCell className={styles.number}>{result.matchedPeople}</TableCell>
      <TableCell className={styles.number}>{percent(result.pre.share)}</TableCell>
      <TableCell className={styles.number}>{percent(result.post.share)}</TableCell>
      <TableCell className={styles.number}>
        {points(result.pointsChange)} ({interval(result.ci95Points)})
      </TableCell>
      <TableCell className={styles.number}>{pValue(result.mcnemarP)}</TableCell>
      <TableCell className={styles.number}>
        {pValue(result.wilcoxon.p)} ({result.effectSize.toFixed(2)})
      </TableCell>
    </TableRow>
  );
}
