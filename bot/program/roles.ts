import type { Role } from '../contract/roles';
import type { Roles as RoleLists } from '../directory/roles';

export type { Role };

/**
 * Who may do what. Everyone signed in from the tenant is an employee; the taskforce and executives come from the
 * directory's role source (configured lists, the sample org, or Entra groups), refreshed with each directory sync.
 * Pure: no SDK, no I/O.
 */
export class Roles {
  private lists: RoleLists | undefined;
  private taskforce = new Set<string>();
  private executives = new Set<string>();

  constructor(private readonly current: () => RoleLists) {}

  rolesOf(personId: string): Role[] {
    this.refresh();
    const roles: Role[] = [];
    if (this.taskforce.has(personId)) roles.push('taskforce');
    if (this.executives.has(personId)) roles.push('executive');
    roles.push('employee');
    return roles;
  }

  has(personId: string, role: Role): boolean {
    return this.rolesOf(personId).includes(role);
  }

  /** Everyone with the role (the taskforce, to tell them something); 'employee' is everyone and is not listed. */
  members(role: Exclude<Role, 'employee'>): string[] {
    this.refresh();
    return [...(role === 'taskforce' ? this.taskforce : this.executives)];
  }

  /** Rebuilds the sets only when the directory handed out new lists. */
  private refresh(): void {
    const lists = this.current();
    if (lists === this.lists) return;
    this.lists = lists;
    this.taskforce = new Set(lists.taskforce);
    this.executives = new Set(lists.executives);
  }
}
