import type { ReactElement } from 'react';
import { GroupedVerticalBarChart, LineChart, type GroupedVerticalBarChartData, type LineChartPoints } from '@fluentui/react-charts';
import type { EosWaveJson } from '../../../../bot/program/eos/api';
import type { ShownResultJson } from '../../../../bot/program/surveys/api';
import { ChartWithTable } from './ChartWithTable';
import { ROLE_WORDS } from './describeOutcomes';

/** Favorability before and after, per question and role, for the groups the reporting rule shows. */
export function FavorabilityChart({ results }: { results: readonly ShownResultJson[] }): ReactElement | null {
  if (results.length === 0) return null;
  const label = (r: ShownResultJson) => `${r.itemText} (${ROLE_WORDS[r.role].toLowerCase()})`;
  const data: GroupedVerticalBarChartData[] = results.map((r) => ({
    name: label(r),
    series: [
      { key: 'before', legend: 'Before', data: Math.round(r.pre.share * 100), yAxisCalloutData: `${Math.round(r.pre.share * 100)}%` },
      { key: 'after', legend: 'After', data: Math.round(r.post.share * 100), yAxisCalloutData: `${Math.round(r.post.share * 100)}%` },
    ],
  }));
  return (
    <ChartWithTable
      label="Favorability before and after, per question and role"
      fileName="survey-favorability"
      chart={<GroupedVerticalBarChart data={data} height={320} yMaxValue={100} yMinValue={0} yAxisTitle="% favorable" wrapXAxisLables hideLabels={false} />}
      columns={['Question', 'Who', 'People', 'Before (% favorable)', 'After (% favorable)', 'Change (points)']}
      rows={results.map((r) => [r.itemText, ROLE_WORDS[r.role], r.matchedPeople, Math.round(r.pre.share * 100), Math.round(r.post.share * 100), Math.round(r.pointsChange)])}
    />
  );
}

/** The institution-wide figure of each tracked question, wave by wave. */
export function EosWavesChart({ waves }: { waves: readonly EosWaveJson[] }): ReactElement {
  const institution = waves.filter((w) => w.unit === null);
  const questions = [...new Set(institution.map((w) => w.question))];
  const lines: LineChartPoints[] = questions.map((question) => ({
    legend: question,
    data: institution.filter((w) => w.question === question).map((w) => ({ x: new Date(`${w.waveDate}T00:00:00Z`), y: w.percentFavorable })),
  }));
  return (
    <ChartWithTable
      label="Institution-wide survey: percent favorable by wave"
      fileName="institution-survey-waves"
      chart={<LineChart data={{ chartTitle: 'Percent favorable by wave', lineChartData: lines }} height={300} yMinValue={0} yMaxValue={100} yAxisTitle="% favorable" />}
      columns={['Question', 'Wave date', 'Unit', 'Respondents', 'Percent favorable']}
      rows={waves.map((w) => [w.question, w.waveDate, w.unit ?? 'Whole institution', w.respondents, w.percentFavorable])}
    />
  );
}
