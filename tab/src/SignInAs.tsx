import { useEffect, useId, useState, type ReactElement } from 'react';
import { Avatar, Badge, Body1, Caption1, Field, SearchBox, Spinner, Text, Title3, makeStyles, tokens, useArrowNavigationGroup } from '@fluentui/react-components';
import type { Role } from '../../bot/contract/roles';
import { issueDevToken, listDevPeople, type DevPerson, type DevToken } from '../../bot/http/sessionApi';
import { call, isAbort, messageOf } from './api';
import { AppMark } from './components/AppMark';
import { ErrorNotice } from './components/ErrorNotice';
import { roleLabels } from './roles';

const roleBadgeColors: Record<Role, 'brand' | 'warning' | 'informative'> = {
  taskforce: 'brand',
  executive: 'warning',
  employee: 'informative',
};

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}`,
    gap: tokens.spacingVerticalXL,
  },
  card: {
    width: '100%',
    maxWidth: '600px',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXXL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow8,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
  },
  heading: { margin: 0 },
  intro: { color: tokens.colorNeutralForeground2, margin: 0 },
  search: { maxWidth: 'none', width: '100%' },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    maxHeight: 'max(240px, calc(100vh - 360px))',
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  person: {
    width: '100%',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    textAlign: 'left',
    cursor: 'pointer',
    fontFamily: tokens.fontFamilyBase,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':active': { backgroundColor: tokens.colorSubtleBackgroundPressed },
    ':disabled': { cursor: 'default', color: tokens.colorNeutralForegroundDisabled },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  personText: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  name: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  title: { color: tokens.colorNeutralForeground3, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  badges: { display: 'flex', flexShrink: 0, gap: tokens.spacingHorizontalXS },
  status: { color: tokens.colorNeutralForeground3, minHeight: tokens.lineHeightBase200 },
  centred: { display: 'flex', justifyContent: 'center', padding: tokens.spacingVerticalL },
});

const searchDelayMs = 200;

interface PeopleSearch {
  /** The latest answer, and the search it answers (results stay shown while a newer search runs). */
  result: { search: string; people: DevPerson[] } | undefined;
  searching: boolean;
  error: string | undefined;
}

/** Searches the sample organisation as the person types, dropping answers to searches that were typed over. */
function usePeopleSearch(search: string): PeopleSearch {
  const [result, setResult] = useState<PeopleSearch['result']>();
  const [error, setError] = useState<string | undefined>();
  const wanted = search.trim();
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      call(listDevPeople, { query: { search: wanted }, signal: controller.signal })
        .then(({ people }) => {
          setResult({ search: wanted, people });
          setError(undefined);
        })
        .catch((failure: unknown) => {
          if (!isAbort(failure)) setError(messageOf(failure));
        });
    }, searchDelayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [wanted]);
  return { result, searching: error === undefined && result?.search !== wanted, error };
}

interface SignInAsProps {
  onSignedIn(token: DevToken): void;
  /** Why the picker shows again, e.g. an expired sign-in. */
  notice?: string;
}

/** Local mode only: choose a person of the sample organisation and use the tab as them. */
export function SignInAs({ onSignedIn, notice }: SignInAsProps): ReactElement {
  const styles = useStyles();
  const [search, setSearch] = useState('');
  const { result, searching, error: searchError } = usePeopleSearch(search);
  const [choosing, setChoosing] = useState<string | undefined>();
  const [tokenError, setTokenError] = useState<string | undefined>();
  const arrowKeys = useArrowNavigationGroup({ axis: 'vertical', memorizeCurrent: true });
  const headingId = useId();

  const choose = (person: DevPerson): void => {
    setChoosing(person.id);
    setTokenError(undefined);
    call(issueDevToken, { body: { personId: person.id } })
      .then(onSignedIn)
      .catch((failure: unknown) => {
        setChoosing(undefined);
        setTokenError(messageOf(failure));
      });
  };

  return (
    <main className={styles.page}>
      <AppMark />
      <section className={styles.card} aria-labelledby={headingId} data-testid="sign-in-as">
        <Title3 as="h1" id={headingId} className={styles.heading}>
          Sign in as
        </Title3>
        <Body1 as="p" className={styles.intro}>
          Mentoring Up is running locally. Choose someone from the sample organisation to use the app as they would.
        </Body1>
        {notice ? <ErrorNotice intent="info" title="Please sign in again." message={notice} /> : null}
        {tokenError ? <ErrorNotice title="Could not sign in." message={tokenError} /> : null}
        {searchError ? <ErrorNotice title="Could not load people." message={searchError} /> : null}
        <Field label="Search people">
          <SearchBox value={search} onChange={(_event, data) => setSearch(data.value)} className={styles.search} placeholder="Type a name" autoFocus />
        </Field>
        <Caption1 className={styles.status} role="status">
          {result === undefined ? '' : searching ? 'Searching…' : statusLine(result.people.length, result.search)}
        </Caption1>
        {result === undefined && !searchError ? (
          <div className={styles.centred}>
            <Spinner size="small" label="Loading people…" />
          </div>
        ) : (
          <ul className={styles.list} aria-label="People" {...arrowKeys}>
            {(result?.people ?? []).map((person) => (
              <li key={person.id}>
                <PersonButton person={person} busy={choosing === person.id} disabled={choosing !== undefined} onChoose={choose} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

function statusLine(count: number, search: string): string {
  const people = count === 1 ? '1 person' : `${count} people`;
  if (search) return count === 0 ? `No one matches “${search}”.` : people;
  // Without a search the service suggests a few people to start with, not the whole organisation.
  return count === 0 ? 'Type a name to find someone.' : `Suggested: ${people}. Type a name to find anyone else.`;
}

interface PersonButtonProps {
  person: DevPerson;
  busy: boolean;
  disabled: boolean;
  onChoose(person: DevPerson): void;
}

function PersonButton({ person, busy, disabled, onChoose }: PersonButtonProps): ReactElement {
  const styles = useStyles();
  const details = [person.jobTitle, person.department].filter(Boolean).join(' · ');
  return (
    <button type="button" className={styles.person} disabled={disabled} aria-busy={busy} onClick={() => onChoose(person)}>
      <Avatar name={person.name} color="colorful" size={36} aria-hidden="true" />
      <span className={styles.personText}>
        <Text weight="semibold" className={styles.name}>
          {person.name}
        </Text>
        {details ? <Caption1 className={styles.title}>{details}</Caption1> : null}
      </span>
      {busy ? (
        <Spinner size="tiny" aria-label={`Signing in as ${person.name}`} />
      ) : (
        <span className={styles.badges}>
          {person.roles.map((role) => (
            <Badge key={role} appearance="tint" color={roleBadgeColors[role] ?? 'informative'}>
              {roleLabels[role] ?? role}
            </Badge>
          ))}
        </span>
      )}
    </button>
  );
}
