import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { DeltaExpiredError, type DeltaPage, type DeltaSource } from '../deltaPage';
import { relativeGraphPath } from './graphClient';
import { parseMemberPage, parseUserDeltaPage, USER_DELTA_SELECT } from './graphUsers';

/** Every user with their manager, through Graph's delta query. */
export class GraphUserDeltaSource implements DeltaSource {
  readonly name: string;
  private readonly baseUrl: string;

  constructor(
    private readonly client: Client,
    baseUrl: string,
    tenantId: string,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.name = `graph:${tenantId}`;
  }

  firstLink(): string {
    return `${this.baseUrl}/users/delta?$select=${USER_DELTA_SELECT}`;
  }

  async fetch(link: string): Promise<DeltaPage> {
    try {
      return parseUserDeltaPage(await this.client.api(relativeGraphPath(link, this.baseUrl)).get());
    } catch (error) {
      // Graph answers 410 Gone (syncStateNotFound, resyncRequired) when a delta token is too old.
      if (error instanceof GraphError && error.statusCode === 410) throw new DeltaExpiredError();
      throw error;
    }
  }
}

/** Ids of the users in a group, nested groups included. Needs GroupMember.Read.All. */
export async function readGroupUserIds(client: Client, baseUrl: string, groupId: string): Promise<string[]> {
  const base = baseUrl.replace(/\/+$/, '');
  const ids: string[] = [];
  let link: string | undefined = `${base}/groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user?$select=id&$top=999`;
  while (link) {
    const page = parseMemberPage(await client.api(relativeGraphPath(link, base)).get());
    ids.push(...page.ids);
    link = page.nextLink;
  }
  return ids;
}
