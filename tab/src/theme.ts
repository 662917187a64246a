import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';

/** The theme names Teams reports in its context and theme-change events. */
export type TeamsThemeName = 'default' | 'dark' | 'contrast';

/** Teams may report names we do not style (e.g. "glass"); those fall back to the light theme. */
export function toTeamsThemeName(value: string | null | undefined): TeamsThemeName {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

export function fluentThemeFor(name: TeamsThemeName): Theme {
  switch (name) {
    case 'dark':
      return teamsDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    default:
      return teamsLightTheme;
  }
}

/** `?theme=dark|contrast|default` pins the theme in a plain browser, so each look can be checked without Teams. */
export function themeFromQuery(search: string): TeamsThemeName | undefined {
  const requested = new URLSearchParams(search).get('theme');
  return requested === null ? undefined : toTeamsThemeName(requested);
}

const darkQuery = '(prefers-color-scheme: dark)';
const forcedColorsQuery = '(forced-colors: active)';

/** Outside Teams the operating system's preference decides: forced colors first, then dark or light. */
export function browserPreferredTheme(): TeamsThemeName {
  if (window.matchMedia(forcedColorsQuery).matches) return 'contrast';
  return window.matchMedia(darkQuery).matches ? 'dark' : 'default';
}

/** Calls `onChange` whenever the operating system's preference changes; returns the unsubscribe function. */
export function watchBrowserTheme(onChange: (name: TeamsThemeName) => void): () => void {
  const queries = [window.matchMedia(darkQuery), window.matchMedia(forcedColorsQuery)];
  const listener = (): void => onChange(browserPreferredTheme());
  queries.forEach((query) => query.addEventListener('change', listener));
  return () => queries.forEach((query) => query.removeEventListener('change', listener));
}

/**
 * The page behind the React root takes the theme's app background too, so no white edge shows around the app in dark
 * mode and overscroll matches.
 */
export function paintPageBackground(theme: Theme, name: TeamsThemeName): void {
  const root = document.documentElement;
  root.style.backgroundColor = theme.colorNeutralBackground3;
  root.style.colorScheme = name === 'default' ? 'light' : 'dark';
  document.body.style.backgroundColor = theme.colorNeutralBackground3;
}
