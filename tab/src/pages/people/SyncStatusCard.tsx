import { useId, type ReactElement, type ReactNode } from 'react';
import { Button, Caption1, Spinner, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular } from '@fluentui/react-icons';
import type { DirectoryStatus } from '../../../../bot/directory/api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { absoluteTime, countOf, describeRoles, describeRolesSource, describeSchedule, describeSource, describeSyncKind, formatCount, relativeTime } from './describeDirectory';
import { SyncProgress, SyncProgressLine } from './SyncProgress';
import { useSectionStyles } from './sectionStyles';
import type { DirectoryStatusHandle } from './useDirectoryStatus';
import { useNow } from './useNow';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
    gap: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    margin: 0,
  },
  fact: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  term: {
    color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  value: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  detail: { color: tokens.colorNeutralForeground3 },
  loading: { display: 'flex', justifyContent: 'center', padding: tokens.spacingVerticalXL },
});

/** The sync status card: where the people come from, when they were last read, and the "Sync now" button. */
export function SyncStatusCard({ handle }: { handle: DirectoryStatusHandle }): ReactElement {
  const styles = useStyles();
  const section = useSectionStyles();
  const headingId = useId();
  const { view, syncNow, reload } = handle;
  const { status } = view;
  const busy = view.requesting || view.following !== undefined || status?.running !== undefined;

  return (
    <section className={section.card} aria-labelledby={headingId} data-testid="directory-status">
      <div className={styles.header}>
        <div>
          <Subtitle2 as="h2" id={headingId} className={section.heading}>
            Org directory
          </Subtitle2>
          <Caption1 as="p" className={section.intro}>
            Who reports to whom, read from the directory. Mentoring Up uses it to keep mentors out of their executive&apos;s chain of command.
          </Caption1>
          <SyncProgressLine view={view} />
        </div>
        <Button
          appearance="primary"
          icon={busy ? <Spinner size="tiny" aria-hidden="true" /> : <ArrowSyncRegular />}
          // Stays focusable while disabled, so a keyboard user who pressed it keeps their place.
          disabledFocusable={busy || status === undefined}
          onClick={syncNow}
        >
          {busy ? 'Syncing…' : 'Sync now'}
        </Button>
      </div>
      {view.requestError ? <ErrorNotice title="The sync could not start." message={view.requestError} /> : null}
      {view.loadError ? <ErrorNotice title="Could not load the directory status." message={view.loadError} onRetry={reload} /> : null}
      {status ? (
        <>
          <SyncProgress view={view} />
          <StatusFacts status={status} />
        </>
      ) : view.loadError ? null : (
        <div className={styles.loading}>
          <Spinner size="small" label="Loading the directory status…" />
        </div>
      )}
    </section>
  );
}

function StatusFacts({ status }: { status: DirectoryStatus }): ReactElement {
  const styles = useStyles();
  const now = useNow(30_000);
  const last = status.lastSync;
  return (
    <dl className={styles.facts}>
      <Fact term="Source">{describeSource(status.source)}</Fact>
      <Fact term="Last sync" detail={last ? `${absoluteTime(last.at)} · ${describeSyncKind(last.kind)}, ${countOf(last.requests, 'request', 'requests')}` : undefined}>
        {last ? <time dateTime={last.at}>{relativeTime(last.at, now)}</time> : 'Not yet'}
      </Fact>
      <Fact term="People">{formatCount(status.people)}</Fact>
      <Fact term="Problems found">{formatCount(status.anomalies)}</Fact>
      <Fact term="Roles" detail={describeRolesSource(status.roles.source)}>
        {describeRoles(status.roles)}
      </Fact>
      <Fact term="Schedule">{describeSchedule(status.schedule)}</Fact>
    </dl>
  );
}

function Fact({ term, detail, children }: { term: string; detail?: string; children: ReactNode }): ReactElement {
  const styles = useStyles();
  return (
    <div className={styles.fact}>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>
        <Text weight="semibold">{children}</Text>
        {detail ? <Caption1 className={styles.detail}>{detail}</Caption1> : null}
      </dd>
    </div>
  );
}
