import type { Person } from './person';

/**
 * Something wrong in the directory's data that the taskforce should see. The org index is still built and usable:
 * each anomaly says how it was worked around.
 */
export type OrgAnomaly =
  /** Managers that point at each other in a loop. Everyone in the loop counts as in everyone else's chain of command. */
  | { kind: 'cycle'; personIds: string[] }
  /** A person recorded as their own manager: treated as a top of the org. */
  | { kind: 'selfManager'; personIds: [string] }
  /** A manager id that is not in the directory: the person is treated as a top of the org. */
  | { kind: 'missingManager'; personIds: [string]; managerId: string }
  /** A disabled account: kept in the hierarchy (it still links the chain of command), flagged so nobody is invited. */
  | { kind: 'disabledAccount'; personIds: [string] }
  /** The same id given twice: the later record is kept. */
  | { kind: 'duplicateId'; personIds: [string] };

export type OrgAnomalyKind = OrgAnomaly['kind'];

/** One plain sentence about an anomaly, naming the people it concerns. */
export function describeAnomaly(anomaly: OrgAnomaly, getPerson: (id: string) => Person | undefined): string {
  const nameOf = (id: string) => getPerson(id)?.name ?? id;
  const names = anomaly.personIds.map(nameOf).join(', ');
  switch (anomaly.kind) {
    case 'cycle':
      return `Managers form a loop: ${names}. They are treated as one another's chain of command.`;
    case 'selfManager':
      return `${names} is recorded as their own manager; treated as a top of the org.`;
    case 'missingManager':
      return `${names} has a manager (${anomaly.managerId}) who is not in the directory; treated as a top of the org.`;
    case 'disabledAccount':
      return `${names} has a disabled account.`;
    case 'duplicateId':
      return `${names} appears twice in the directory; the later record is used.`;
  }
}
