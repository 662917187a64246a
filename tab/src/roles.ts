import type { Role } from '../../bot/contract/roles';

export const roleLabels: Record<Role, string> = {
  taskforce: 'Taskforce',
  executive: 'Executive',
  employee: 'Employee',
};

export function isTaskforce(roles: readonly Role[]): boolean {
  return roles.includes('taskforce');
}

/** One readable line for a person's roles, e.g. "Taskforce · Employee". */
export function describeRoles(roles: readonly Role[]): string {
  return roles.map((role) => roleLabels[role] ?? role).join(' · ');
}
