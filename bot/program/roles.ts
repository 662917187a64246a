/**
 * Who may do what. Everyone signed in from the tenant is an employee; the taskforce and executives come from
 * configured lists (or, with Graph, from Entra groups). Pure: no SDK, no I/O.
 */
export type Role = 'taskforce' | 'executive' | 'employee';

export interface RoleLists {
  taskforce: readonly string[];
  executives: readonly string[];
}

export class Roles {
  private taskforce: Set<string>;
  private executives: Set<string>;

  constructor(lists: RoleLists) {
    this.taskforce = new Set(lists.taskforce);
    this.executives = new Set(lists.executives);
  }

  /** Replaces the lists (after a directory sync refreshed group membership). */
  replace(lists: RoleLists): void {
    this.taskforce = new Set(lists.taskforce);
    this.executives = new Set(lists.executives);
  }

  rolesOf(personId: string): Role[] {
    const roles: Role[] = [];
    if (this.taskforce.has(personId)) roles.push('taskforce');
    if (this.executives.has(personId)) roles.push('executive');
    roles.push('employee');
    return roles;
  }

  has(personId: string, role: Role): boolean {
    return this.rolesOf(personId).includes(role);
  }
}
