/** The roles a signed-in person can have. Everyone is an employee; taskforce and executive come from the directory. */
export type Role = 'taskforce' | 'executive' | 'employee';
