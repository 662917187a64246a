import type { ReactElement } from 'react';
import {
  Badge,
  Body1,
  Caption1,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from '@fluentui/react-components';
import { CheckmarkCircleRegular, ClockRegular, ErrorCircleRegular } from '@fluentui/react-icons';
import { getConfirmedPairs, type ConfirmedPairs, type IntroductionStatus, type Pair, type PersonSummary } from '../../../../bot/program/matching/api';
import { call, type TokenSource } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLoaded } from '../people/useLoaded';
import { INTRODUCTION_NAMES, formatWhen, listNames, plural, roleLine } from './describeMatching';
import { usePairsStyles } from './pairsStyles';

const useStyles = makeStyles({
  table: { minWidth: '860px' },
  personCol: { width: '22%' },
  narrow: { width: '64px' },
  introCol: { width: '140px' },
  badge: { whiteSpace: 'nowrap' },
});

interface ConfirmedPairsSectionProps {
  token: TokenSource;
  cohortId: string;
  /** Changes when the pairs may have changed (a confirmation), to read them again. */
  version: string;
}

/** Everyone the introductions could not reach, from the pairs' own statuses (also on a later visit). */
function unreachableIn(pairs: Pair[]): { person: PersonSummary; role: 'executive' | 'mentor' }[] {
  return pairs.flatMap((pair) => [
    ...(pair.introductions.executive === 'unreachable' ? [{ person: pair.executive, role: 'executive' as const }] : []),
    ...(pair.introductions.mentor === 'unreachable' ? [{ person: pair.mentor, role: 'mentor' as const }] : []),
  ]);
}

/** The confirmed pairs of a cohort and whether each person's introduction reached them. */
export function ConfirmedPairsSection({ token, cohortId, version }: ConfirmedPairsSectionProps): ReactElement {
  const card = usePairsStyles();
  const loaded = useLoaded<ConfirmedPairs>(`pairs/${cohortId}/${version}`, (signal) => call(getConfirmedPairs, { params: { cohortId }, token, signal }));
  const value = loaded.value;
  return (
    <section className={card.card} aria-labelledby="confirmed-heading">
      <div>
        <Subtitle2 as="h2" id="confirmed-heading" className={card.heading}>
          Confirmed pairs{value ? ` (${value.pairs.length})` : ''}
        </Subtitle2>
        <Caption1 className={card.intro}>
          {value && value.pairs[0] ? `Confirmed ${formatWhen(value.pairs[0].confirmedAt)}. ` : ''}
          Each person was sent a card in Teams introducing their partner and what happens next.
        </Caption1>
      </div>
      {!value ? (
        loaded.error ? (
          <ErrorNotice title="The confirmed pairs could not be loaded." message={loaded.error} onRetry={loaded.retry} />
        ) : (
          <div className={card.centred}>
            <Spinner label="Loading the confirmed pairs…" />
          </div>
        )
      ) : value.pairs.length === 0 ? (
        <Body1 className={card.muted}>No pairs were confirmed in this cohort.</Body1>
      ) : (
        <>
          <ReachNotes pairs={value.pairs} />
          <ConfirmedTable pairs={value.pairs} />
        </>
      )}
    </section>
  );
}

function ReachNotes({ pairs }: { pairs: Pair[] }): ReactElement | null {
  const unreachable = unreachableIn(pairs);
  const pending = pairs.reduce(
    (count, pair) => count + Number(pair.introductions.executive === 'pending') + Number(pair.introductions.mentor === 'pending'),
    0,
  );
  return (
    <>
      {unreachable.length > 0 ? (
        <div data-testid="unreachable-note">
          <ErrorNotice
            intent="warning"
            title={`${plural(unreachable.length, 'person', 'people')} could not be reached in Teams.`}
            message={`${listNames(unreachable.map(({ person, role }) => `${person.name} (${role})`))} ${
              unreachable.length === 1 ? 'has' : 'have'
            } not installed Mentoring Up, so the introduction card did not reach them. Please tell them about their pair another way.`}
          />
        </div>
      ) : null}
      {pending > 0 ? (
        <ErrorNotice
          intent="info"
          title={`Introductions are still on their way to ${plural(pending, 'person', 'people')}.`}
          message="Reload the page in a moment to see whether they arrived."
        />
      ) : null}
    </>
  );
}

/** The column header says whose introduction it is, so the badge says only how it went. */
function IntroductionBadge({ status }: { status: IntroductionStatus }): ReactElement {
  const looks: Record<IntroductionStatus, { color: 'success' | 'danger' | 'informative'; icon: ReactElement }> = {
    sent: { color: 'success', icon: <CheckmarkCircleRegular /> },
    unreachable: { color: 'danger', icon: <ErrorCircleRegular /> },
    pending: { color: 'informative', icon: <ClockRegular /> },
  };
  const look = looks[status];
  const styles = useStyles();
  return (
    <Badge appearance="tint" color={look.color} icon={look.icon} className={styles.badge}>
      {INTRODUCTION_NAMES[status]}
    </Badge>
  );
}

function ConfirmedTable({ pairs }: { pairs: Pair[] }): ReactElement {
  const styles = useStyles();
  const card = usePairsStyles();
  return (
    <div className={card.tableScroller}>
      <Table className={styles.table} size="small" aria-label="Confirmed pairs">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.personCol}>Executive</TableHeaderCell>
            <TableHeaderCell className={styles.personCol}>Mentor</TableHeaderCell>
            <TableHeaderCell>Shared topics</TableHeaderCell>
            <TableHeaderCell className={styles.narrow}>Score</TableHeaderCell>
            <TableHeaderCell className={styles.introCol}>Executive told</TableHeaderCell>
            <TableHeaderCell className={styles.introCol}>Mentor told</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {pairs.map((pair) => (
            <TableRow key={pair.executive.id} data-executive-id={pair.executive.id} data-mentor-id={pair.mentor.id}>
              <TableCell>
                <div className={card.person}>
                  <Body1>{pair.executive.name}</Body1>
                  <Caption1 className={card.muted}>{roleLine(pair.executive)}</Caption1>
                </div>
              </TableCell>
              <TableCell>
                <div className={card.person}>
                  <Body1>{pair.mentor.name}</Body1>
                  <Caption1 className={card.muted}>{roleLine(pair.mentor)}</Caption1>
                </div>
              </TableCell>
              <TableCell>
                <Caption1>{pair.sharedTopics.length > 0 ? pair.sharedTopics.join('; ') : 'None in common'}</Caption1>
              </TableCell>
              <TableCell className={card.number}>{pair.score}</TableCell>
              <TableCell>
                <IntroductionBadge status={pair.introductions.executive} />
              </TableCell>
              <TableCell>
                <IntroductionBadge status={pair.introductions.mentor} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
