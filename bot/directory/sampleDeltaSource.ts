import type { Person } from './person';
import type { DeltaPage, DeltaSource, PersonChange } from './deltaPage';
import { SAMPLE_ORG_SEED, SAMPLE_ORG_SIZE, sampleOrg } from './sampleOrg';

const PAGE_SIZE = 200;
const PREFIX = 'sample:users/delta';

/**
 * The embedded sample org served as delta pages, so it reaches the snapshot store and the org index by the very path a
 * Graph snapshot takes. It never changes, so a later round has no changes.
 */
export class SampleDeltaSource implements DeltaSource {
  readonly name: string;
  private people: Person[] | undefined;

  constructor(
    private readonly org: () => Person[] = sampleOrg,
    version = `${SAMPLE_ORG_SEED}-${SAMPLE_ORG_SIZE}`,
  ) {
    this.name = `sample:${version}`;
  }

  firstLink(): string {
    return `${PREFIX}?page=0`;
  }

  async fetch(link: string): Promise<DeltaPage> {
    const deltaLink = `${PREFIX}?delta=${this.name}`;
    if (link === deltaLink) return { changes: [], deltaLink };
    const match = /^sample:users\/delta\?page=(\d+)$/.exec(link);
    if (!match) throw new Error(`Not a sample directory link: ${link}`);
    this.people ??= this.org();
    const start = Number(match[1]) * PAGE_SIZE;
    const changes = this.people.slice(start, start + PAGE_SIZE).map(toChange);
    const more = start + PAGE_SIZE < this.people.length;
    return more ? { changes, nextLink: `${PREFIX}?page=${Number(match[1]) + 1}` } : { changes, deltaLink };
  }
}

function toChange(person: Person): PersonChange {
  return {
    kind: 'changed',
    id: person.id,
    name: person.name,
    mail: person.mail ?? null,
    jobTitle: person.jobTitle ?? null,
    department: person.department ?? null,
    accountEnabled: person.accountEnabled,
    managerId: person.managerId ?? null,
  };
}
