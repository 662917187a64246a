import { lazy, Suspense, useEffect, type ReactElement } from 'react';
import { Avatar, Body1Strong, Button, Caption1, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { PersonSwapRegular } from '@fluentui/react-icons';
import type { Me } from '../../bot/http/sessionApi';
import { AppMark } from './components/AppMark';
import { NavBar } from './components/NavBar';
import { ErrorNotice } from './components/ErrorNotice';
import { describeRoles, isTaskforce } from './roles';
import { navFor, parseHash, taskforceOnlyRoutes, useHash, type RouteId } from './routes';

// Each page is a chunk of its own, loaded when first shown, so the first page does not wait for all the others.
const CohortsPage = lazy(() => import('./pages/CohortsPage').then((m) => ({ default: m.CohortsPage })));
const HandbookPage = lazy(() => import('./pages/HandbookPage').then((m) => ({ default: m.HandbookPage })));
const InterviewsPage = lazy(() => import('./pages/interviews/InterviewsPage').then((m) => ({ default: m.InterviewsPage })));
const MyMentoringPage = lazy(() => import('./pages/MyMentoringPage').then((m) => ({ default: m.MyMentoringPage })));
const OutcomesPage = lazy(() => import('./pages/OutcomesPage').then((m) => ({ default: m.OutcomesPage })));
const OrientationPage = lazy(() => import('./pages/OrientationPage').then((m) => ({ default: m.OrientationPage })));
const PairsPage = lazy(() => import('./pages/PairsPage').then((m) => ({ default: m.PairsPage })));
const PeoplePage = lazy(() => import('./pages/PeoplePage').then((m) => ({ default: m.PeoplePage })));
const YearPage = lazy(() => import('./pages/YearPage').then((m) => ({ default: m.YearPage })));
const ProgramPage = lazy(() => import('./pages/ProgramPage').then((m) => ({ default: m.ProgramPage })));

/** Below this width the navigation no longer fits beside the app's name and the person, so it takes its own row. */
const twoRowHeader = '@media (max-width: 959px)';
/** Phone widths: the header keeps only what fits (names, icons). */
const phone = '@media (max-width: 640px)';

const useStyles = makeStyles({
  root: { minHeight: '100vh', display: 'flex', flexDirection: 'column' },
  banner: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr auto',
    gridTemplateAreas: '"mark nav person"',
    alignItems: 'stretch',
    columnGap: tokens.spacingHorizontalXXL,
    padding: `0 ${tokens.spacingHorizontalXXL}`,
    minHeight: '52px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow2,
    // Narrow hosts (Teams mobile, a side panel): the navigation gets its own row and scrolls sideways if needed. The
    // person's column may shrink below its content (minmax(0, …)), so a long name is cut short instead of widening the page.
    [twoRowHeader]: {
      gridTemplateColumns: 'auto minmax(0, 1fr)',
      gridTemplateAreas: '"mark person" "nav nav"',
      columnGap: tokens.spacingHorizontalL,
      padding: `0 ${tokens.spacingHorizontalL}`,
    },
  },
  mark: { gridArea: 'mark', display: 'flex', alignItems: 'center' },
  nav: {
    gridArea: 'nav',
    display: 'flex',
    minWidth: 0,
    overflowX: 'auto',
    [twoRowHeader]: { minHeight: '44px' },
  },
  person: {
    gridArea: 'person',
    display: 'flex',
    alignItems: 'center',
    justifySelf: 'end',
    minWidth: 0,
    maxWidth: '100%',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} 0`,
  },
  avatar: { flexShrink: 0 },
  personText: { display: 'flex', flexDirection: 'column', lineHeight: tokens.lineHeightBase200, minWidth: 0 },
  name: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  // On narrow hosts the button shows only its icon, sized as Fluent's icon-only button (its 96px minimum width is for
  // buttons with a visible label); the label stays for screen readers and tooltips.
  switchButton: {
    flexShrink: 0,
    [phone]: {
      minWidth: '32px',
      maxWidth: '32px',
      padding: '5px',
      '& .fui-Button__icon': { marginRight: 0 },
    },
  },
  switchLabel: {
    whiteSpace: 'nowrap',
    [phone]: {
      position: 'absolute',
      width: '1px',
      height: '1px',
      overflow: 'hidden',
      clip: 'rect(0 0 0 0)',
      whiteSpace: 'nowrap',
    },
  },
  roles: {
    color: tokens.colorNeutralForeground3,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    [phone]: { display: 'none' },
  },
  main: {
    flexGrow: 1,
    width: '100%',
    maxWidth: '1100px',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    [phone]: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}` },
  },
});

interface ShellProps {
  me: Me;
  /** Only in local mode, where the person was picked by hand. */
  onSwitchPerson?: () => void;
}

const pageTitles: Record<RouteId, string> = {
  my: 'My mentoring',
  program: 'The program',
  cohorts: 'Cohorts',
  people: 'People',
  pairs: 'Pairs',
  interviews: 'My interviews',
  year: 'Year',
  outcomes: 'Outcomes',
  handbook: 'Handbook',
  orientation: 'Orientation and ice breaker',
};

export function Shell({ me, onSwitchPerson }: ShellProps): ReactElement {
  const styles = useStyles();
  const taskforce = isTaskforce(me.roles);
  const { route, raw } = parseHash(useHash());

  // No hash yet: land on the page that matters most to this person, without adding a history entry.
  useEffect(() => {
    if (raw === '') window.location.replace(taskforce ? '#/cohorts' : '#/my');
  }, [raw, taskforce]);

  // "How Mentoring Up works" (#/program) explains the program to everyone, the taskforce included.
  const shown: RouteId | undefined = route;
  const allowed = shown === undefined || taskforce || !taskforceOnlyRoutes.has(shown);

  useEffect(() => {
    document.title = shown ? `${pageTitles[shown]} · Mentoring Up` : 'Mentoring Up';
  }, [shown]);

  return (
    <div className={styles.root}>
      <header className={styles.banner}>
        <div className={styles.mark}>
          <AppMark />
        </div>
        <div className={styles.nav}>
          <NavBar items={navFor(taskforce)} current={shown} />
        </div>
        <div className={styles.person} data-testid="signed-in-person">
          <Avatar className={styles.avatar} name={me.name} color="colorful" size={32} aria-hidden="true" />
          <div className={styles.personText}>
            <Body1Strong className={styles.name}>{me.name}</Body1Strong>
            <Caption1 className={styles.roles}>{describeRoles(me.roles)}</Caption1>
          </div>
          {onSwitchPerson ? (
            <Button className={styles.switchButton} appearance="subtle" icon={<PersonSwapRegular />} onClick={onSwitchPerson} title="Switch person">
              <span className={styles.switchLabel}>Switch person</span>
            </Button>
          ) : null}
        </div>
      </header>
      <main className={styles.main} id="main">
        {!allowed ? (
          <ErrorNotice
            intent="warning"
            title="This page is for the taskforce."
            message="Only members of the Mentoring Up taskforce can open it. Your own mentoring is under My mentoring."
          />
        ) : shown === undefined && raw !== '' ? (
          <ErrorNotice intent="warning" title="There is no such page." message="Choose a page from the navigation above." />
        ) : (
          <Suspense fallback={<Spinner label="Loading…" />}>{renderPage(shown, me)}</Suspense>
        )}
      </main>
    </div>
  );
}

function renderPage(route: RouteId | undefined, me: Me): ReactElement | null {
  switch (route) {
    case 'cohorts':
      return <CohortsPage />;
    case 'people':
      return <PeoplePage />;
    case 'pairs':
      return <PairsPage />;
    case 'year':
      return <YearPage />;
    case 'my':
      return <MyMentoringPage me={me} />;
    case 'program':
      return <ProgramPage />;
    case 'interviews':
      return <InterviewsPage me={me} />;
    case 'outcomes':
      return <OutcomesPage />;
    case 'handbook':
      return <HandbookPage />;
    case 'orientation':
      return <OrientationPage />;
    default:
      return null;
  }
}
