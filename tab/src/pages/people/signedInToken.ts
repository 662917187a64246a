import { app, authentication } from '@microsoft/teams-js';
import { ApiError, type TokenSource } from '../../api';
import { readDevToken } from '../../devSignIn';

/**
 * The token of the person the shell signed in: the local dev token when one is kept for this browser tab, otherwise
 * Teams' SSO token (Teams caches and refreshes it). The shell does not hand pages a token source yet, so the page reads
 * it from the same places sign-in put it.
 */
export const signedInToken: TokenSource = async () => {
  const dev = readDevToken();
  if (dev) return dev.token;
  if (app.isInitialized()) return authentication.getAuthToken();
  throw new ApiError('Your sign-in has ended. Reload the tab to sign in again.', 'Unauthorized');
};
