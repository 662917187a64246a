import type { ReactElement } from 'react';
import {
  DataVizPalette,
  getColorFromToken,
  GroupedVerticalBarChart,
  LineChart,
  VerticalStackedBarChart,
  type GroupedVerticalBarChartData,
  type LineChartPoints,
  type VerticalStackedChartProps,
} from '@fluentui/react-charts';
import type { EosWaveJson } from '../../../../bot/program/eos/api';
import type { QuarterMeetingsJson } from '../../../../bot/program/outcomes/api';
import type { ShownResultJson } from '../../../../bot/program/surveys/api';
import { ChartWithTable } from './ChartWithTable';
import { day, ROLE_WORDS } from './describeOutcomes';

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

/**
 * One colour per status, readable on Teams' light, dark and contrast backgrounds (the chart would otherwise pick colours
 * at random for each bar). Open is a neutral grey: nothing has happened yet.
 */
const STATUS_COLORS = { held: getColorFromToken(DataVizPalette.color1), missed: getColorFromToken(DataVizPalette.warning), open: '#8a8a8a' } as const;

/** Each quarter's meetings, one per pair: held, missed (the quarter closed without a log) and still open, stacked. */
export function MeetingsPerQuarterChart({ quarters }: { quarters: readonly QuarterMeetingsJson[] }): ReactElement {
  const data: VerticalStackedChartProps[] = quarters.map((q) => ({
    xAxisPoint: `Q${q.quarter}`,
    xAxisCalloutData: `Quarter ${q.quarter}: ${day(q.opensOn)} to ${day(q.closesOn)}`,
    chartData: [
      { legend: 'Held', data: q.held, color: STATUS_COLORS.held },
      { legend: 'Missed', data: q.missed, color: STATUS_COLORS.missed },
      { legend: 'Still open', data: q.open, color: STATUS_COLORS.open },
    ],
  }));
  return (
    <ChartWithTable
      label="Meetings per quarter: held, missed and still open"
      fileName="meetings-per-quarter"
      chart={<VerticalStackedBarChart data={data} height={300} barWidth={48} yAxisTitle="Meetings" hideLabels={false} />}
      columns={['Quarter', 'From', 'To', 'Held', 'Missed', 'Still open']}
      rows={quarters.map((q) => [`Quarter ${q.quarter}`, q.opensOn, q.closesOn, q.held, q.missed, q.open])}
    />
  );
}
