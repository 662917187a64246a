import { STAGES, STAGE_LABELS, type Application, type Stage } from '../applications/applicationRules';

/** The pipeline view: counts per stage, order, and a CSV export that spreadsheets cannot mistake for formulas. Pure. */
export function countByStage(applications: readonly Pick<Application, 'stage'>[]): Record<Stage, number> {
  const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  for (const a of applications) counts[a.stage]++;
  return counts;
}

/** Stage order for listing: the program's order, then name. */
export function byStageThenName<T extends Pick<Application, 'stage' | 'name'>>(a: T, b: T): number {
  return STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) || a.name.localeCompare(b.name);
}

/**
 * One CSV field. A value a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) gets a
 * leading apostrophe; quotes are doubled and the field is always quoted (RFC 4180).
 */
export function csvField(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function stageLabel(stage: Stage): string {
  return STAGE_LABELS[stage];
}
