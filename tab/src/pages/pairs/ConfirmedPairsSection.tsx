import { useState, type ReactElement } from 'react';
import { Badge, Body1, Button, Caption1, Spinner, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from '@fluentui/react-components';
import { CheckmarkCircleRegular, ClockRegular, ErrorCircleRegular, MailClockRegular } from '@fluentui/react-icons';
import {
  getConfirmedPairs,
  resendIntroductions,
  type ConfirmedPairs,
  type IntroductionStatus,
  type Pair,
  type PersonSummary,
  type ResendAnswer,
} from '../../../../bot/program/matching/api';
import { call, messageOf, type TokenSource } from '../../api';
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

/** Everyone whose introduction is in a state, from the pairs' own statuses (also on a later visit). */
function peopleWhose(pairs: Pair[], status: IntroductionStatus): { person: PersonSummary; role: 'executive' | 'mentor' }[] {
  return pairs.flatMap((pair) => [
    ...(pair.introductions.executive === status ? [{ person: pair.executive, role: 'executive' as const }] : []),
    ...(pair.introductions.mentor === status ? [{ person: pair.mentor, role: 'mentor' as const }] : []),
  ]);
}

const named = (people: { person: PersonSummary; role: string }[]): string => listNames(people.map(({ person, role }) => `${person.name} (${role})`));

/** The confirmed pairs of a cohort and whether each person's introduction reached them. */
export function ConfirmedPairsSection({ token, cohortId, version }: ConfirmedPairsSectionProps): ReactElement {
  const card = usePairsStyles();
  // Each resend reads the pairs again, so the badges show where the introductions now stand.
  const [resends, setResends] = useState(0);
  const loaded = useLoaded<ConfirmedPairs>(`pairs/${cohortId}/${version}/${resends}`, (signal) => call(getConfirmedPairs, { params: { cohortId }, token, signal }));
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
          <ResendIntroductions token={token} cohortId={cohortId} pairs={value.pairs} onResent={() => setResends((n) => n + 1)} />
          <ConfirmedTable pairs={value.pairs} />
        </>
      )}
    </section>
  );
}

function ReachNotes({ pairs }: { pairs: Pair[] }): ReactElement | null {
  const unreachable = peopleWhose(pairs, 'unreachable');
  const kept = peopleWhose(pairs, 'kept');
  const pending = pairs.reduce((count, pair) => count + Number(pair.introductions.executive === 'pending') + Number(pair.introductions.mentor === 'pending'), 0);
  return (
    <>
      {unreachable.length > 0 ? (
        <div data-testid="unreachable-note">
          <ErrorNotice
            intent="warning"
            title={`The introduction could not be sent to ${plural(unreachable.length, 'person', 'people')}.`}
            message={`${named(unreachable)}: Teams did not take the card. Send it again below, or tell them about their pair another way.`}
          />
        </div>
      ) : null}
      {kept.length > 0 ? (
        <div data-testid="kept-note">
          <ErrorNotice
            intent="info"
            title={`${plural(kept.length, 'person has', 'people have')} not opened Mentoring Up yet.`}
            message={`${named(kept)}: the introduction waits for them and arrives as soon as they open Mentoring Up in Teams.`}
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

/** Sends the introductions again to those Teams did not take them from, and says what happened. */
function ResendIntroductions({ token, cohortId, pairs, onResent }: { token: TokenSource; cohortId: string; pairs: Pair[]; onResent(): void }): ReactElement | null {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ text: string; failed: boolean } | undefined>();
  const failed = peopleWhose(pairs, 'unreachable').length;
  if (failed === 0 && !outcome) return null;
  const resend = async (): Promise<void> => {
    setBusy(true);
    try {
      const answer = await call(resendIntroductions, { params: { cohortId }, token });
      setOutcome({ text: describeResend(answer), failed: answer.failed > 0 });
      onResent();
    } catch (error) {
      setOutcome({ text: messageOf(error), failed: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="resend-introductions">
      {failed > 0 ? (
        <Button appearance="primary" onClick={() => void resend()} disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
          {`Send ${plural(failed, 'introduction', 'introductions')} again`}
        </Button>
      ) : null}
      {outcome ? (
        <Body1 role="status" data-testid="resend-outcome">
          {outcome.text}
        </Body1>
      ) : null}
    </div>
  );
}

function describeResend(answer: ResendAnswer): string {
  if (answer.tried === 0) return 'There was nothing to send again.';
  const parts = [`${plural(answer.sent, 'introduction', 'introductions')} sent`];
  if (answer.kept > 0) parts.push(`${answer.kept} kept for when they open Mentoring Up`);
  if (answer.failed > 0) parts.push(`${answer.failed} could not be sent again`);
  const pending = answer.tried - answer.sent - answer.kept - answer.failed;
  if (pending > 0) parts.push(`${pending} still on their way`);
  return `${parts.join(', ')}.`;
}

/** The column header says whose introduction it is, so the badge says only how it went. */
function IntroductionBadge({ status }: { status: IntroductionStatus }): ReactElement {
  const looks: Record<IntroductionStatus, { color: 'success' | 'danger' | 'informative' | 'warning'; icon: ReactElement }> = {
    sent: { color: 'success', icon: <CheckmarkCircleRegular /> },
    kept: { color: 'warning', icon: <MailClockRegular /> },
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
