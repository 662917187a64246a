/** One person of the organisation as the directory knows them (an Entra ID user with their manager). */
export interface Person {
  /** Entra object id. */
  id: string;
  name: string;
  mail?: string;
  jobTitle?: string;
  department?: string;
  /** Entra object id of the person's manager; undefined at the top of the org. */
  managerId?: string;
  accountEnabled: boolean;
}

/** What the rest of the service may ask of the directory. */
export interface Directory {
  getPerson(id: string): Person | undefined;
  /** People whose name or mail contains the query (case-insensitive), in name order. */
  search(query: string, options?: { limit?: number; offset?: number }): { people: Person[]; total: number };
}

/** The first word of a display name, for a friendly greeting ("Thank you, Priya."). */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}
