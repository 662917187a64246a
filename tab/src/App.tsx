import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { FluentProvider, Spinner } from '@fluentui/react-components';
import { CenteredMessage } from './components/CenteredMessage';
import { ErrorNotice } from './components/ErrorNotice';
import { Shell } from './Shell';
import { SignInAs } from './SignInAs';
import { browserPreferredTheme, fluentThemeFor, paintPageBackground, themeFromQuery, watchBrowserTheme, type TeamsThemeName } from './theme';
import type { TeamsHost } from './teams';
import { useSignIn, type SignIn } from './useSignIn';

/** Teams' theme inside Teams, the system's outside it; `?theme=` wins in both so each look can be tested. */
function useThemeName(teams: TeamsHost | undefined): TeamsThemeName {
  const pinned = useMemo(() => themeFromQuery(window.location.search), []);
  const [name, setName] = useState<TeamsThemeName>(() => pinned ?? browserPreferredTheme());
  useEffect(() => {
    if (pinned) return undefined;
    if (teams) {
      setName(teams.theme);
      teams.onThemeChange(setName);
      return undefined;
    }
    return watchBrowserTheme(setName);
  }, [pinned, teams]);
  return name;
}

export function App(): ReactElement {
  const signIn = useSignIn();
  const themeName = useThemeName(signIn.teams);
  const theme = fluentThemeFor(themeName);
  useEffect(() => paintPageBackground(theme, themeName), [theme, themeName]);

  return (
    <FluentProvider theme={theme} style={{ backgroundColor: theme.colorNeutralBackground3, minHeight: '100vh' }}>
      <Content signIn={signIn} />
    </FluentProvider>
  );
}

function Content({ signIn }: { signIn: SignIn }): ReactElement {
  const { state } = signIn;
  switch (state.kind) {
    case 'starting':
      return (
        <CenteredMessage>
          <Spinner label={state.label} labelPosition="below" />
        </CenteredMessage>
      );
    case 'failed':
      return (
        <CenteredMessage>
          <ErrorNotice title="Mentoring Up could not start." message={state.message} onRetry={signIn.retry} />
        </CenteredMessage>
      );
    case 'outsideTeams':
      return (
        <CenteredMessage>
          <ErrorNotice
            intent="info"
            title="Open Mentoring Up from Microsoft Teams to sign in."
            message="Mentoring Up signs you in with your Teams account, so it works only as a tab inside Teams."
          />
        </CenteredMessage>
      );
    case 'choosePerson':
      return <SignInAs onSignedIn={signIn.choosePerson} notice={state.notice} />;
    case 'signedIn':
      return <Shell me={state.me} onSwitchPerson={state.mode === 'local' ? signIn.switchPerson : undefined} />;
  }
}
