import { formatMoment } from '../../../../bot/contract/dates';
import type { AuditEntry, IntroductionStatus, PersonSummary, Proposal, Rule } from '../../../../bot/program/matching/api';

/** Words for the matching API's codes, said to the taskforce. */

export const RULE_NAMES: Record<Rule, string> = {
  chainOfCommand: 'Chain of command',
  pairedBefore: 'Paired in an earlier cohort',
  banned: 'Banned by the taskforce',
};

export const INTRODUCTION_NAMES: Record<IntroductionStatus, string> = {
  sent: 'Sent',
  kept: 'Waiting for them',
  unreachable: 'Could not send',
  pending: 'Sending',
};

/** "Nurse · Emergency", or a dash when neither is recorded. */
export function roleLine(person: { jobTitle: string | null; department: string | null }): string {
  return [person.jobTitle, person.department].filter(Boolean).join(' · ') || '—';
}

/** A moment written the one way cards and every page write it (bot/contract/dates.ts). */
export function formatWhen(iso: string | null): string {
  return iso ? formatMoment(iso) : '';
}

/** "Ana", "Ana and Ben", "Ana, Ben and Cy". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Everyone the proposal names, by id: the audit log carries only ids. */
export function namesIn(proposal: Proposal): Map<string, string> {
  const names = new Map<string, string>();
  const add = (person: PersonSummary): void => void names.set(person.id, person.name);
  for (const pair of proposal.pairs) {
    add(pair.executive);
    add(pair.mentor);
  }
  for (const unmatched of proposal.unmatched) add(unmatched.executive);
  proposal.freeMentors.forEach(add);
  for (const ban of proposal.bans) {
    names.set(ban.executiveId, ban.executiveName);
    names.set(ban.mentorId, ban.mentorName);
  }
  return names;
}

/** One sentence per audit entry, e.g. "Banned the pair Ana Silva and Ben Cho." */
export function describeAudit(entry: AuditEntry, names: ReadonlyMap<string, string>): string {
  const name = (id: string | null): string => (id ? (names.get(id) ?? 'someone no longer in the cohort') : 'someone');
  const executive = name(entry.executiveId);
  const mentor = name(entry.mentorId);
  switch (entry.action) {
    case 'run':
      return 'Ran matching.';
    case 'lock':
      return `Locked the pair ${executive} and ${mentor}.`;
    case 'unlock':
      return `Unlocked the pair ${executive} and ${mentor}.`;
    case 'ban':
      return `Banned the pair ${executive} and ${mentor}.`;
    case 'unban':
      return `Lifted the ban on ${executive} and ${mentor}.`;
    case 'assign':
      return entry.mentorId ? `Placed ${mentor} with ${executive} by hand.` : `Cleared the mentor of ${executive}.`;
    case 'unassign':
      return `Removed ${mentor} from ${executive}.`;
    case 'override':
      return `Placed ${mentor} with ${executive} by hand, overriding ${entry.rules.length === 1 ? 'a rule' : 'rules'}: ${listNames(
        entry.rules.map((rule) => RULE_NAMES[rule].toLowerCase()),
      )}.`;
    case 'confirm':
      return 'Confirmed the pairs and sent the introductions.';
  }
}
