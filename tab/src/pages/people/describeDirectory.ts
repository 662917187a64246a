import { formatMoment } from '../../../../bot/contract/dates';
import type { AnomalyKind, DirectoryStatus, SyncKind } from '../../../../bot/directory/api';

/** Plain words for the directory's status, kept apart from the components so each rule is easy to read and change. */

const numbers = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return numbers.format(n);
}

export function countOf(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export function describeSource(source: string): string {
  return source.startsWith('sample:') ? 'Sample org' : 'Microsoft Graph';
}

export function describeSyncKind(kind: SyncKind): string {
  return kind === 'full' ? 'Full read' : 'Changes only';
}

export function describeSchedule(schedule: DirectoryStatus['schedule']): string {
  if (!schedule) return 'Only when someone selects Sync now';
  const minutes = schedule.everyMinutes;
  if (minutes % 1440 === 0) return minutes === 1440 ? 'Every day' : `Every ${minutes / 1440} days`;
  if (minutes % 60 === 0) return minutes === 60 ? 'Every hour' : `Every ${minutes / 60} hours`;
  return minutes === 1 ? 'Every minute' : `Every ${minutes} minutes`;
}

export function describeRoles(roles: DirectoryStatus['roles']): string {
  return `${countOf(roles.taskforce, 'taskforce member', 'taskforce members')}, ${countOf(roles.executives, 'executive', 'executives')}`;
}

/** The service's own words for where roles come from ("sample org", "taskforce from its Entra group, …"), capitalised. */
export function describeRolesSource(source: string): string {
  return source.charAt(0).toUpperCase() + source.slice(1);
}

const relative = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });

const units: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "just now", "5 minutes ago", "yesterday"; a time a little ahead (clocks differ) also reads "just now". */
export function relativeTime(iso: string, now: Date): string {
  const seconds = (Date.parse(iso) - now.getTime()) / 1000;
  if (Number.isNaN(seconds)) return 'at an unknown time';
  if (Math.abs(seconds) < 45) return 'just now';
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(Math.round(seconds / 60) || -1, 'minute');
}

/** The moment written the one way cards and every page write it (bot/contract/dates.ts). */
export function absoluteTime(iso: string): string {
  return formatMoment(iso);
}

export const anomalyKindLabels: Record<AnomalyKind, string> = {
  cycle: 'Managers in a loop',
  selfManager: 'Own manager',
  missingManager: 'Manager not in the directory',
  disabledAccount: 'Disabled accounts',
  duplicateId: 'Listed twice',
};

/** The order the groups are shown in: what bends the chain of command first, then what only needs a look. */
export const anomalyKindOrder: readonly AnomalyKind[] = ['cycle', 'selfManager', 'missingManager', 'duplicateId', 'disabledAccount'];
