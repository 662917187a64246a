import { useMemo, useState, type ReactElement } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { DismissRegular, PeopleLinkRegular, PlayRegular } from '@fluentui/react-icons';
import { assignMentor, banPair, runMatching as run, setLocked, unbanPair, type PersonSummary, type Proposal, type ProposedPairJson } from '../../../../bot/program/matching/api';
import { call, type TokenSource } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { AuditSection } from './AuditSection';
import { ChangeMentorDialog } from './ChangeMentorDialog';
import { ConfirmedPairsSection } from './ConfirmedPairsSection';
import { namesIn, plural } from './describeMatching';
import { usePairsStyles } from './pairsStyles';
import { ProposalSummary } from './ProposalSummary';
import { ProposedPairsTable } from './ProposedPairsTable';
import { BanDialog, ConfirmPairsDialog } from './ReviewDialogs';
import { BansSection, UnmatchedSection } from './ReviewLists';
import { useMatching, type MatchingHandle } from './useMatching';

type OpenDialog = { kind: 'ban'; pair: ProposedPairJson } | { kind: 'assign'; executive: PersonSummary; current?: PersonSummary } | { kind: 'confirm' };

interface MatchingReviewProps {
  token: TokenSource;
  cohortId: string;
}

/** One cohort's matching: before the first run, the proposal under review, or the confirmed pairs. */
export function MatchingReview({ token, cohortId }: MatchingReviewProps): ReactElement {
  const card = usePairsStyles();
  const matching = useMatching(token, cohortId);
  const { proposal } = matching;
  const names = useMemo(() => (proposal ? namesIn(proposal) : new Map<string, string>()), [proposal]);

  if (!proposal) {
    return matching.loadError ? (
      <ErrorNotice title="The matching of this cohort could not be loaded." message={matching.loadError} onRetry={matching.reload} />
    ) : (
      <div className={card.centred}>
        <Spinner label="Loading the proposal…" />
      </div>
    );
  }
  const audit = <AuditSection token={token} cohortId={cohortId} version={proposal.etag} names={names} />;
  return (
    <div className={card.stack}>
      <Notices matching={matching} />
      {proposal.status === 'none' ? (
        <NotRunYet proposal={proposal} matching={matching} token={token} />
      ) : proposal.status === 'proposed' ? (
        <Review proposal={proposal} matching={matching} token={token} />
      ) : (
        <ConfirmedPairsSection token={token} cohortId={cohortId} version={proposal.confirmedAt ?? proposal.etag} />
      )}
      {proposal.status === 'none' ? null : audit}
    </div>
  );
}

/** The conflict (with its reload), a failed change, and the outcome of a confirmation made here. */
function Notices({ matching }: { matching: MatchingHandle }): ReactElement {
  const { conflict, failure, confirmed } = matching;
  return (
    <>
      {conflict ? (
        <MessageBar intent="warning" layout="multiline" politeness="assertive" data-testid="conflict">
          <MessageBarBody>
            <MessageBarTitle>Someone else changed the proposal.</MessageBarTitle>
            {conflict} Reload to see the latest proposal; your change was not saved.
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={matching.reload}>
              Reload
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {failure ? (
        <MessageBar intent="error" layout="multiline" politeness="assertive">
          <MessageBarBody>
            <MessageBarTitle>{failure.title}</MessageBarTitle>
            {failure.message}
          </MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" icon={<DismissRegular />} aria-label="Dismiss" onClick={matching.dismissFailure} />} />
        </MessageBar>
      ) : null}
      {confirmed ? (
        <MessageBar intent={confirmed.alreadyConfirmed ? 'info' : 'success'} layout="multiline" data-testid="confirmed-notice">
          <MessageBarBody>
            <MessageBarTitle>
              {confirmed.alreadyConfirmed ? 'These pairs had already been confirmed.' : `${plural(confirmed.pairs.length, 'pair', 'pairs')} confirmed.`}
            </MessageBarTitle>
            {confirmed.alreadyConfirmed ? 'Someone else confirmed them first; nothing was sent twice.' : 'The introductions went out in Teams; each person’s status is below.'}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}

interface StatusProps {
  proposal: Proposal;
  matching: MatchingHandle;
  token: TokenSource;
}

function runMatching(matching: MatchingHandle, token: TokenSource, cohortId: string): void {
  matching.attempt('run', 'Matching did not run.', (ifMatch) => call(run, { params: { cohortId }, ifMatch, token }));
}

function NotRunYet({ proposal, matching, token }: StatusProps): ReactElement {
  const { executives, mentors } = proposal.counts;
  const ready = executives > 0 && mentors > 0;
  return (
    <EmptyState
      icon={<PeopleLinkRegular />}
      title="No pairs yet."
      actions={
        <Button
          appearance="primary"
          icon={matching.busy === 'run' ? <Spinner size="tiny" /> : <PlayRegular />}
          disabled={!ready || matching.busy !== undefined}
          onClick={() => runMatching(matching, token, proposal.cohortId)}
        >
          Run matching
        </Button>
      }
    >
      {ready
        ? `${plural(executives, 'accepted executive', 'accepted executives')} and ${plural(mentors, 'accepted mentor', 'accepted mentors')} are waiting to be paired. Matching proposes the pairs with the most shared interests, never inside a chain of command, for you to review before anyone is told.`
        : 'Matching needs accepted executives and accepted mentors. Accept applicants on the Cohorts page first.'}
    </EmptyState>
  );
}

function Review({ proposal, matching, token }: StatusProps): ReactElement {
  const card = usePairsStyles();
  const [dialog, setDialog] = useState<OpenDialog | undefined>();
  const cohortId = proposal.cohortId;
  const close = (): void => setDialog(undefined);
  return (
    <>
      <ProposalSummary proposal={proposal} busy={matching.busy} onRun={() => runMatching(matching, token, cohortId)} onConfirm={() => setDialog({ kind: 'confirm' })} />
      <section className={card.card} aria-label="Proposed pairs">
        {proposal.pairs.length > 0 ? (
          <ProposedPairsTable
            pairs={proposal.pairs}
            busy={matching.busy}
            onLock={(pair, locked) =>
              matching.attempt(`lock:${pair.executive.id}`, locked ? 'The pair was not locked.' : 'The pair was not unlocked.', (ifMatch) =>
                call(setLocked, { params: { cohortId }, body: { executiveId: pair.executive.id, locked }, ifMatch, token }),
              )
            }
            onBan={(pair) => setDialog({ kind: 'ban', pair })}
            onChangeMentor={(executive, current) => setDialog({ kind: 'assign', executive, current })}
          />
        ) : (
          <ErrorNotice intent="info" title="No pairs are proposed." message="No executive could be paired under the rules; the reasons are below." />
        )}
      </section>
      {proposal.unmatched.length > 0 ? (
        <UnmatchedSection
          unmatched={proposal.unmatched}
          freeMentors={proposal.freeMentors.length}
          busy={matching.busy}
          onChooseMentor={(executive) => setDialog({ kind: 'assign', executive })}
        />
      ) : null}
      {proposal.bans.length > 0 ? (
        <BansSection
          bans={proposal.bans}
          busy={matching.busy}
          onUnban={(ban) =>
            matching.attempt(`unban:${ban.executiveId}`, 'The ban was not lifted.', (ifMatch) =>
              call(unbanPair, { params: { cohortId, executiveId: ban.executiveId, mentorId: ban.mentorId }, ifMatch, token }),
            )
          }
        />
      ) : null}
      {dialog?.kind === 'ban' ? (
        <BanDialog
          pair={dialog.pair}
          onDismiss={close}
          ban={(reason) =>
            matching.change('ban', (ifMatch) =>
              call(banPair, {
                params: { cohortId },
                body: { executiveId: dialog.pair.executive.id, mentorId: dialog.pair.mentor.id, reason: reason || undefined },
                ifMatch,
                token,
              }),
            )
          }
        />
      ) : null}
      {dialog?.kind === 'assign' ? (
        <ChangeMentorDialog
          token={token}
          cohortId={cohortId}
          executive={dialog.executive}
          current={dialog.current}
          freeMentors={proposal.freeMentors}
          onDismiss={close}
          assign={(mentorId, overrideReason) =>
            matching.change('assign', (ifMatch) =>
              call(assignMentor, { params: { cohortId, executiveId: dialog.executive.id }, body: { mentorId, overrideReason }, ifMatch, token }),
            )
          }
        />
      ) : null}
      {dialog?.kind === 'confirm' ? <ConfirmPairsDialog proposal={proposal} onDismiss={close} confirm={matching.confirm} /> : null}
    </>
  );
}
