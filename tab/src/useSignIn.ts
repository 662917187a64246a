import { useCallback, useEffect, useRef, useState } from 'react';
import { getMe, getSession, type DevToken, type Me, type SessionInfo } from '../../bot/http/sessionApi';
import { call, isApiError, messageOf, type TokenSource } from './api';
import { forgetDevToken, readDevToken, saveDevToken } from './devSignIn';
import { connectToTeams, type TeamsHost } from './teams';

/** Where the tab stands between loading and showing the signed-in shell. */
export type SignInState =
  | { kind: 'starting'; label: string }
  | { kind: 'failed'; message: string }
  | { kind: 'outsideTeams' }
  | { kind: 'choosePerson'; notice?: string }
  | { kind: 'signedIn'; me: Me; mode: SessionInfo['mode'] };

export interface SignIn {
  state: SignInState;
  teams: TeamsHost | undefined;
  retry(): void;
  /** Local mode: a dev token was issued for the chosen person. */
  choosePerson(token: DevToken): void;
  /** Local mode: back to the "sign in as" picker. */
  switchPerson(): void;
}

const expiredNotice = 'Your local sign-in has ended. Choose a person to continue.';

async function signInLocally(): Promise<SignInState> {
  const stored = readDevToken();
  if (!stored) return { kind: 'choosePerson' };
  try {
    return { kind: 'signedIn', me: await whoAmI(async () => stored.token), mode: 'local' };
  } catch (error) {
    if (isApiError(error, 'Unauthorized')) {
      forgetDevToken();
      return { kind: 'choosePerson', notice: expiredNotice };
    }
    throw error;
  }
}

async function signInWithTeams(teams: TeamsHost | undefined): Promise<SignInState> {
  if (!teams) return { kind: 'outsideTeams' };
  return { kind: 'signedIn', me: await whoAmI(() => teams.getAuthToken()), mode: 'production' };
}

function whoAmI(token: TokenSource): Promise<Me> {
  return call(getMe, { token });
}

interface Boot {
  session: SessionInfo;
  teams: TeamsHost | undefined;
}

async function boot(): Promise<Boot> {
  const [session, teams] = await Promise.all([call(getSession, {}), connectToTeams()]);
  return { session, teams };
}

export function useSignIn(): SignIn {
  const [state, setState] = useState<SignInState>({ kind: 'starting', label: 'Starting Mentoring Up…' });
  const [teams, setTeams] = useState<TeamsHost | undefined>();
  const [attempt, setAttempt] = useState(0);
  // Session and Teams host are asked for once; a failed start is asked again on retry. Signing in again (after
  // choosing a person) reuses them instead of waiting for Teams a second time.
  const booting = useRef<Promise<Boot> | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    const update = (next: SignInState): void => {
      if (!cancelled) setState(next);
    };
    setState((previous) => ({ kind: 'starting', label: previous.kind === 'choosePerson' ? 'Signing in…' : 'Starting Mentoring Up…' }));
    void (async () => {
      try {
        booting.current ??= boot();
        const { session, teams: host } = await booting.current;
        if (cancelled) return;
        setTeams(host);
        update(session.mode === 'local' ? await signInLocally() : await signInWithTeams(host));
      } catch (error) {
        booting.current = undefined;
        update({ kind: 'failed', message: messageOf(error) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  const choosePerson = useCallback((token: DevToken) => {
    saveDevToken(token);
    setAttempt((n) => n + 1);
  }, []);

  const switchPerson = useCallback(() => {
    forgetDevToken();
    // The next person starts on their own first page, not on whatever the previous person had open.
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    setState({ kind: 'choosePerson' });
  }, []);

  return { state, teams, retry, choosePerson, switchPerson };
}
