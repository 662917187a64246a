import { z } from 'zod';
import { endpoint, returns } from '../../contract/endpoint';
import { fields } from '../../contract/fields';

/**
 * The institution-wide survey's wire contract (SDK-free; the tab compiles it): the waves the taskforce records for the
 * tracked questions (a CSV import or a form), the change between waves judged by the two-proportion z-test and by the
 * seed's 5-point rule, and, where units are given, the participating executives' units against the rest.
 */
export interface EosWaveJson {
  question: string;
  /** YYYY-MM-DD. */
  waveDate: string;
  respondents: number;
  /** 0–100. */
  percentFavorable: number;
  /** null for the whole institution. */
  unit: string | null;
}

export interface WavePointJson {
  waveDate: string;
  percentFavorable: number;
  respondents: number;
}

export interface JudgedChangeJson {
  points: number;
  z: number;
  p: number;
  ci95Points: [number, number];
  significantByTest: boolean;
  /** The seed's rule: 5 points or more. */
  meaningfulByRule: boolean;
}

export interface WaveChangeJson extends JudgedChangeJson {
  question: string;
  from: WavePointJson;
  to: WavePointJson;
}

export interface SideChangeJson {
  units: string[];
  from: WavePointJson;
  to: WavePointJson;
  points: number;
}

export type UnitComparisonJson =
  | ({ available: true; question: string; fromDate: string; toDate: string; participating: SideChangeJson; rest: SideChangeJson } & JudgedChangeJson)
  | { available: false; question: string; fromDate: string; toDate: string; reason: string };

export interface EosOverview {
  /** The recorded waves' version, for If-Match ("none" before the first). */
  etag: string;
  /** By question, then date, then unit (institution first). */
  waves: EosWaveJson[];
  /** Institution-wide, between consecutive waves of each question. */
  changes: WaveChangeJson[];
  /** The departments of the executives in confirmed pairs (any cohort). */
  participatingUnits: string[];
  /** Difference in differences, where the waves give units. */
  unitComparisons: UnitComparisonJson[];
}

const csvMessage = 'Paste the CSV text of the results (a header row, then one row per question, wave and unit).';
const waveMessage = 'Fill in the question, the wave date, the respondents and the percent favorable.';

/** Taskforce. */
export const getEos = endpoint({ method: 'get', path: '/api/eos', response: returns<EosOverview>() });

/** All or nothing: a refused file stores nothing, and the message names each wrong row. */
export const importEosCsv = endpoint({
  method: 'post',
  path: '/api/eos/import',
  body: fields({ csv: z.string({ required_error: csvMessage, invalid_type_error: csvMessage }).min(1, csvMessage).max(1_000_000, 'The file is too large.') }),
  ifMatch: true,
  response: returns<EosOverview>(),
});

/** One wave typed in a form; the same checks as a CSV row. */
export const addEosWave = endpoint({
  method: 'post',
  path: '/api/eos/waves',
  body: fields({
    question: z.string({ required_error: waveMessage, invalid_type_error: waveMessage }),
    waveDate: z.string({ required_error: waveMessage, invalid_type_error: waveMessage }),
    respondents: z.union([z.number(), z.string()], { errorMap: () => ({ message: waveMessage }) }),
    percentFavorable: z.union([z.number(), z.string()], { errorMap: () => ({ message: waveMessage }) }),
    unit: z.string({ invalid_type_error: 'The unit must be text.' }).optional(),
  }),
  ifMatch: true,
  response: returns<EosOverview>(),
});
