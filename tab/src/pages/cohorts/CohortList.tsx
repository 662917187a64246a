import { useState, type ReactElement } from 'react';
import { Badge, Body1, Button, Caption1, Link, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, CalendarLtrRegular, ClipboardTaskListLtrRegular, EditRegular, LockClosedRegular, PeopleQueueRegular, PlayRegular } from '@fluentui/react-icons';
import { closeCohort, listCohorts, openCohort, type CohortJson } from '../../../../bot/program/cohorts/api';
import { call, type TokenSource } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLoaded } from '../people/useLoaded';
import { AnnouncementPanel } from './AnnouncementPanel';
import { CloseCohortDialog, OpenCohortDialog } from './CohortDialogs';
import { cohortHref } from './cohortRoute';
import { useCardStyles } from './cohortStyles';
import { cohortStatus, formatWindow } from './describeIntake';
import { useAnnouncement } from './useAnnouncement';

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', marginBottom: tokens.spacingVerticalL },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    margin: 0,
  },
  fact: { display: 'flex', flexDirection: 'column', margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
});

type Pending = { kind: 'open' | 'close'; cohort: CohortJson } | undefined;

/** The taskforce's cohorts, newest year first, each with its state and what can be done with it next. */
export function CohortList({ token }: { token: TokenSource }): ReactElement {
  const styles = useStyles();
  const card = useCardStyles();
  const cohorts = useLoaded('cohorts', async (signal) => (await call(listCohorts, { token, signal })).cohorts);
  const [pending, setPending] = useState<Pending>();

  const toolbar = (
    <div className={styles.toolbar}>
      <Button as="a" href="#/cohorts/new" appearance="primary" icon={<AddRegular />}>
        New cohort
      </Button>
      <Button as="a" href="#/interviews" appearance="secondary" icon={<ClipboardTaskListLtrRegular />}>
        My interviews
      </Button>
    </div>
  );

  if (cohorts.value === undefined) {
    return (
      <>
        {toolbar}
        {cohorts.error ? (
          <ErrorNotice title="The cohorts could not be loaded." message={cohorts.error} onRetry={cohorts.retry} />
        ) : (
          <div className={card.centred}>
            <Spinner label="Loading cohorts…" />
          </div>
        )}
      </>
    );
  }

  return (
    <>
      {toolbar}
      {cohorts.error ? <ErrorNotice title="The cohorts could not be refreshed." message={cohorts.error} onRetry={cohorts.retry} /> : null}
      {cohorts.value.length === 0 ? (
        <EmptyState icon={<CalendarLtrRegular />} title="No cohorts yet.">
          Create the first cohort: its name, when applications open, the topics people choose from, and the interview rubric.
        </EmptyState>
      ) : (
        <ul className={styles.list} aria-label="Cohorts">
          {cohorts.value.map((cohort) => (
            <li key={cohort.id}>
              <CohortCard cohort={cohort} token={token} onOpen={() => setPending({ kind: 'open', cohort })} onClose={() => setPending({ kind: 'close', cohort })} />
            </li>
          ))}
        </ul>
      )}
      {pending?.kind === 'open' ? (
        <OpenCohortDialog
          cohort={pending.cohort}
          onDismiss={() => setPending(undefined)}
          run={async (announce) => {
            await call(openCohort, { params: { cohortId: pending.cohort.id }, body: { announce }, ifMatch: pending.cohort.etag, token });
            cohorts.retry();
          }}
        />
      ) : null}
      {pending?.kind === 'close' ? (
        <CloseCohortDialog
          cohort={pending.cohort}
          onDismiss={() => setPending(undefined)}
          run={async () => {
            await call(closeCohort, { params: { cohortId: pending.cohort.id }, ifMatch: pending.cohort.etag, token });
            cohorts.retry();
          }}
        />
      ) : null}
    </>
  );
}

interface CohortCardProps {
  cohort: CohortJson;
  token: TokenSource;
  onOpen(): void;
  onClose(): void;
}

function CohortCard({ cohort, token, onOpen, onClose }: CohortCardProps): ReactElement {
  const styles = useStyles();
  const card = useCardStyles();
  const status = cohortStatus(cohort);
  const headingId = `cohort-${cohort.id}`;
  return (
    <section className={card.card} aria-labelledby={headingId} data-testid="cohort-card">
      <div className={styles.title}>
        <Subtitle2 as="h2" id={headingId} className={card.heading}>
          <Link href={cohortHref(cohort.id)}>{cohort.name}</Link>
        </Subtitle2>
        <Badge appearance="tint" color={status.color}>
          {status.label}
        </Badge>
        {cohort.isDemo ? (
          <Badge appearance="outline" color="informative">
            Demo data
          </Badge>
        ) : null}
      </div>
      <dl className={styles.facts}>
        <Fact term="Program year" value={String(cohort.programYear)} />
        <Fact term="Applications" value={formatWindow(cohort.opensOn, cohort.closesOn)} />
        <Fact term="Topics" value={`${cohort.topics.length} to choose from`} />
        <Fact term="Interview rubric" value={`${cohort.rubric.length} criteria`} />
      </dl>
      {cohort.status === 'open' ? <CohortAnnouncement token={token} cohort={cohort} /> : null}
      <div className={card.actions}>
        <Button as="a" href={cohortHref(cohort.id)} appearance="primary" icon={<PeopleQueueRegular />}>
          Pipeline
        </Button>
        <Button as="a" href={cohortHref(cohort.id, 'edit')} icon={<EditRegular />}>
          Edit
        </Button>
        {cohort.status === 'open' ? (
          <Button icon={<LockClosedRegular />} onClick={onClose}>
            Close applications
          </Button>
        ) : (
          <Button icon={<PlayRegular />} onClick={onOpen}>
            Open applications
          </Button>
        )}
      </div>
    </section>
  );
}

function CohortAnnouncement({ token, cohort }: { token: TokenSource; cohort: CohortJson }): ReactElement {
  const handle = useAnnouncement(token, cohort.id);
  return <AnnouncementPanel handle={handle} canAnnounce={cohort.acceptingApplications} />;
}

function Fact({ term, value }: { term: string; value: string }): ReactElement {
  const styles = useStyles();
  return (
    <div className={styles.fact}>
      <dt>
        <Caption1 className={styles.term}>{term}</Caption1>
      </dt>
      <dd className={styles.value}>
        <Body1>{value}</Body1>
      </dd>
    </div>
  );
}
