import type { RoundJson, SurveyRole } from '../../../../bot/program/surveys/api';

/** How the Outcomes page words figures: whole percentages, signed points, p-values as people read them. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function points(value: number): string {
  const rounded = Math.round(value);
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${Math.abs(rounded)} points`;
}

export function pValue(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}

export function interval([low, high]: readonly [number, number]): string {
  const one = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(Math.round(v))}`;
  return `${one(low)} to ${one(high)} points`;
}

export const ROLE_WORDS: Record<SurveyRole, string> = { executive: 'Executives', mentor: 'Mentors' };

const ROUND_WORDS: Record<RoundJson['round'], string> = { pre: 'Pre survey', post: 'Post survey' };
const STATE_WORDS: Record<RoundJson['state'], string> = { scheduled: 'opens', open: 'open until', closed: 'closed on' };

export function roundTitle(round: RoundJson): string {
  return ROUND_WORDS[round.round];
}

export function day(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

export function roundLine(round: RoundJson): string {
  const when = round.state === 'scheduled' ? round.opensAt : round.closesAt;
  return `${STATE_WORDS[round.state]} ${day(when)}`;
}

export function answeredLine(round: RoundJson, role: SurveyRole): string {
  const invited = round.invited[role];
  const answered = round.answered[role];
  return invited === 0 ? `${answered} answered` : `${answered} of ${invited} answered`;
}

/** Rows as CSV (RFC 4180): every field quoted when it needs to be; formula-like text is prefixed so spreadsheets show it. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  const field = (value: string | number): string => {
    let text = String(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
