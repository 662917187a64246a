import { checkText } from '../text/plainText';
import { csvRecords } from './csvRecords';

/**
 * Reads the institution-wide survey (Employee Opinion Survey) results the taskforce imports: one row per question, wave
 * and (optionally) unit. Pure: no SDK, no I/O. All or nothing: either every row is valid and all are returned, or the
 * errors are returned (each naming its row) and nothing is.
 *
 * Columns, in any order, named in a header row (case, spaces, underscores and hyphens do not matter):
 *   question, wave date (YYYY-MM-DD), respondents (a whole number ≥ 1; "15,000" allowed), percent favorable (0–100,
 *   "52", "52.5" or "52%": a percentage, not a fraction), and optionally unit (empty for the whole institution).
 * A cell starting with =, +, -, @, a tab or a carriage return is refused, not escaped: spreadsheets run such cells as
 * formulas, and a results file has no reason to hold one. (A plain negative number is reported as negative instead.)
 */
export interface EosWave {
  question: string;
  /** YYYY-MM-DD. */
  waveDate: string;
  respondents: number;
  /** As given, 0–100. */
  percentFavorable: number;
  /** percentFavorable / 100, the fraction the statistics use. */
  favorable: number;
  /** Absent for the whole institution. */
  unit?: string;
  /** The row in the file (the header is row 1 unless blank lines come first). */
  row: number;
}

export interface EosCsvError {
  /** Absent when the error is about the whole file. */
  row?: number;
  message: string;
}

export type EosCsvResult = { ok: true; waves: EosWave[] } | { ok: false; errors: EosCsvError[] };

export const EOS_CSV_LIMITS = { characters: 1_000_000, rows: 5_000, question: 300, unit: 100, respondents: 10_000_000, errorsShown: 20 } as const;

type Column = 'question' | 'wave date' | 'respondents' | 'percent favorable' | 'unit';
const REQUIRED: readonly Column[] = ['question', 'wave date', 'respondents', 'percent favorable'];
const COLUMNS: readonly Column[] = [...REQUIRED, 'unit'];
const ALIASES: Readonly<Record<string, Column>> = { 'percent favourable': 'percent favorable' };

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?%?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function columnName(raw: string): string {
  const name = raw
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
  return ALIASES[name] ?? name;
}

function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function readHeader(fields: readonly string[], row: number): { columns: Column[] } | { errors: EosCsvError[] } {
  const errors: EosCsvError[] = [];
  const columns: Column[] = [];
  for (const field of fields) {
    const name = columnName(field);
    if (!(COLUMNS as readonly string[]).includes(name)) errors.push({ row, message: `Row ${row}: unknown column "${field.trim()}". The columns are ${COLUMNS.join(', ')}.` });
    else if (columns.includes(name as Column)) errors.push({ row, message: `Row ${row}: the column "${name}" appears twice.` });
    else columns.push(name as Column);
  }
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) errors.push({ row, message: `Row ${row}: the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.` });
  return errors.length > 0 ? { errors } : { columns };
}

type CellCheck<T> = { value: T } | { error: string };

function readText(cell: string, label: string, max: number, required: boolean): CellCheck<string> {
  if (/[\r\n]/.test(cell)) return { error: `${label} must be on one line` };
  const check = checkText(cell, { label, max, required });
  return check.ok ? { value: check.value.replace(/\s+/g, ' ') } : { error: check.error.replace(/\.$/, '') };
}

function readRespondents(cell: string): CellCheck<number> {
  const text = cell.trim();
  if (!/^\d+$/.test(text) && !/^\d{1,3}(,\d{3})+$/.test(text)) return { error: `respondents must be a whole number, not "${text}"` };
  const value = Number(text.replace(/,/g, ''));
  if (value < 1) return { error: 'respondents must be at least 1' };
  if (value > EOS_CSV_LIMITS.respondents) return { error: `respondents must be at most ${EOS_CSV_LIMITS.respondents.toLocaleString('en-US')}` };
  return { value };
}

function readPercent(cell: string): CellCheck<number> {
  const text = cell.trim();
  if (!PLAIN_NUMBER.test(text)) return { error: `percent favorable must be a number from 0 to 100, not "${text}"` };
  const value = Number(text.replace('%', ''));
  if (value < 0) return { error: 'percent favorable cannot be negative' };
  if (value > 100) return { error: `percent favorable cannot be over 100 (it is ${value})` };
  return { value };
}

function isFormula(cell: string, column: Column): boolean {
  const numeric = (column === 'respondents' || column === 'percent favorable') && PLAIN_NUMBER.test(cell.trim());
  return !numeric && (FORMULA_START.test(cell) || FORMULA_START.test(cell.trim()));
}

function readRow(fields: readonly string[], columns: readonly Column[], row: number): { wave: EosWave } | { errors: string[] } {
  const cell = (column: Column) => fields[columns.indexOf(column)] ?? '';
  const errors: string[] = [];
  for (const column of columns) {
    if (isFormula(cell(column), column)) errors.push(`${column} starts with =, +, -, @, a tab or a line break, which spreadsheets run as a formula`);
  }
  if (errors.length > 0) return { errors };
  const question = readText(cell('question'), 'The question', EOS_CSV_LIMITS.question, true);
  const unit = columns.includes('unit') ? readText(cell('unit'), 'The unit', EOS_CSV_LIMITS.unit, false) : { value: '' };
  const waveDate = cell('wave date').trim();
  const respondents = readRespondents(cell('respondents'));
  const percent = readPercent(cell('percent favorable'));
  for (const check of [question, unit, respondents, percent]) if ('error' in check) errors.push(check.error);
  if (!isCalendarDate(waveDate)) errors.push(`wave date must be a date written YYYY-MM-DD, not "${waveDate}"`);
  if ('error' in question || 'error' in unit || 'error' in respondents || 'error' in percent || errors.length > 0) return { errors };
  const wave: EosWave = { question: question.value, waveDate, respondents: respondents.value, percentFavorable: percent.value, favorable: percent.value / 100, row };
  if (unit.value !== '') wave.unit = unit.value;
  return { wave };
}

/** Identity of a wave: the same question, date and unit twice is a duplicate (question and unit ignore case). */
export function waveKey(wave: Pick<EosWave, 'question' | 'waveDate' | 'unit'>): string {
  return JSON.stringify([wave.question.toLowerCase(), wave.waveDate, (wave.unit ?? '').toLowerCase()]);
}

export function parseEosCsv(text: string): EosCsvResult {
  if (text.length > EOS_CSV_LIMITS.characters)
    return { ok: false, errors: [{ message: `The file is too large: keep it under ${EOS_CSV_LIMITS.characters.toLocaleString('en-US')} characters.` }] };
  const parsed = csvRecords(text, EOS_CSV_LIMITS.rows + 1);
  if (!parsed.ok) return { ok: false, errors: [{ row: parsed.row, message: parsed.message }] };
  const records = parsed.records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (records.length === 0) return { ok: false, errors: [{ message: 'The file is empty: it needs a header row and at least one result.' }] };
  const [header, ...data] = records;
  if (data.length > EOS_CSV_LIMITS.rows) return { ok: false, errors: [{ message: `The file has more than ${EOS_CSV_LIMITS.rows.toLocaleString('en-US')} rows of results.` }] };
  if (data.length === 0) return { ok: false, errors: [{ row: header.row, message: 'The file has a header but no results.' }] };
  const head = readHeader(header.fields, header.row);
  if ('errors' in head) return { ok: false, errors: head.errors };
  const errors: EosCsvError[] = [];
  const waves: EosWave[] = [];
  const firstRowOf = new Map<string, number>();
  for (const record of data) {
    if (record.fields.length !== head.columns.length) {
      errors.push({ row: record.row, message: `Row ${record.row} has ${record.fields.length} cells; the header has ${head.columns.length}.` });
      continue;
    }
    const read = readRow(record.fields, head.columns, record.row);
    if ('errors' in read) {
      errors.push({ row: record.row, message: `Row ${record.row}: ${read.errors.join('; ')}.` });
      continue;
    }
    const key = waveKey(read.wave);
    const first = firstRowOf.get(key);
    if (first !== undefined) errors.push({ row: record.row, message: `Row ${record.row} repeats row ${first}: the same question, wave date and unit.` });
    else firstRowOf.set(key, record.row);
    waves.push(read.wave);
  }
  if (errors.length === 0) return { ok: true, waves };
  const shown = errors.slice(0, EOS_CSV_LIMITS.errorsShown);
  if (errors.length > shown.length) shown.push({ message: `…and ${errors.length - shown.length} more rows with errors.` });
  return { ok: false, errors: shown };
}
