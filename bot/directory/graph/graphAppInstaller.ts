import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type { AppInstaller } from '../../messaging/messenger';

/**
 * Installs Mentoring Up in a person's Teams (`POST /users/{id}/teamwork/installedApps`, application permission
 * TeamsAppInstallation.ReadWriteSelfForUser.All), so a card can reach someone who never opened the bot: Teams then
 * sends the bot a conversationUpdate for their chat, and the cards kept for them go out. 409 means it was installed.
 */
export class GraphAppInstaller implements AppInstaller {
  constructor(
    private readonly client: Client,
    private readonly baseUrl: string,
    /** The app's id in the organisation's Teams app catalog (not the manifest id). */
    private readonly catalogAppId: string,
  ) {}

  async install(personId: string): Promise<'installed' | 'alreadyInstalled'> {
    const base = this.baseUrl.replace(/\/+$/, '');
    try {
      await this.client
        .api(`/users/${encodeURIComponent(personId)}/teamwork/installedApps`)
        .post({ 'teamsApp@odata.bind': `${base}/appCatalogs/teamsApps/${encodeURIComponent(this.catalogAppId)}` });
      return 'installed';
    } catch (error) {
      if (error instanceof GraphError && error.statusCode === 409) return 'alreadyInstalled';
      throw error;
    }
  }
}
