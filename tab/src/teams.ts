import { app, authentication } from '@microsoft/teams-js';
import { toTeamsThemeName, type TeamsThemeName } from './theme';

/** What the tab uses from the Teams client once it knows it runs inside Teams. */
export interface TeamsHost {
  readonly theme: TeamsThemeName;
  /** Entra ID SSO token for this app, issued by Teams (it caches and refreshes the token itself). */
  getAuthToken(): Promise<string>;
  /** Follows the user's theme changes in Teams. */
  onThemeChange(handler: (name: TeamsThemeName) => void): void;
}

/**
 * Outside Teams `app.initialize()` neither resolves nor rejects, so it races a timer. In an iframe or a webview
 * without a parent (Teams mobile) the host may take a moment to answer; a top-level browser tab never answers,
 * so it gets a short wait.
 */
function initializeTimeoutMs(): number {
  const framed = window.self !== window.top;
  return framed ? 5000 : 800;
}

/** Resolves to the Teams host, or to undefined when the tab runs in a plain browser. */
export async function connectToTeams(timeoutMs: number = initializeTimeoutMs()): Promise<TeamsHost | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([app.initialize().then(() => 'ready' as const), timedOut]);
    if (outcome === 'timeout') return undefined;
    const context = await app.getContext();
    void app.notifySuccess();
    return {
      theme: toTeamsThemeName(context.app.theme),
      getAuthToken: () => authentication.getAuthToken(),
      onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(toTeamsThemeName(theme))),
    };
  } catch {
    // initialize() rejects when a non-Teams host answers; the tab then behaves as in a plain browser.
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
