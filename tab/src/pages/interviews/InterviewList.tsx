import type { ReactElement } from 'react';
import { Badge, Caption1, Link, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from '@fluentui/react-components';
import { ClipboardTaskListLtrRegular } from '@fluentui/react-icons';
import { listMyInterviews, type MyInterview } from '../../../../bot/program/interviews/api';
import { call, type TokenSource } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLoaded } from '../people/useLoaded';
import { useCardStyles } from '../cohorts/cohortStyles';
import { STAGE_COLORS, STAGE_NAMES, formatMoment } from '../cohorts/describeIntake';
import { interviewHref } from './interviewRoute';

const useStyles = makeStyles({
  table: { minWidth: '640px' },
});

function isOpen(interview: MyInterview): boolean {
  return interview.stage === 'managerApproved' || interview.stage === 'interviewed';
}

/** What the interviewer should do next with this candidate. */
function stateOf(interview: MyInterview): { label: string; color: 'warning' | 'success' | 'informative' } {
  if (!isOpen(interview)) return { label: 'Decided', color: 'informative' };
  return interview.submittedAt ? { label: 'Scored', color: 'success' } : { label: 'To score', color: 'warning' };
}

/** Interviews to score first, then scored ones, then those the taskforce has decided. */
function byUrgency(a: MyInterview, b: MyInterview): number {
  const rank = (i: MyInterview): number => (!isOpen(i) ? 2 : i.submittedAt ? 1 : 0);
  return rank(a) - rank(b) || a.candidateName.localeCompare(b.candidateName);
}

export function InterviewList({ token }: { token: TokenSource }): ReactElement {
  const styles = useStyles();
  const card = useCardStyles();
  const interviews = useLoaded('interviews/mine', async (signal) => (await call(listMyInterviews, { token, signal })).interviews);

  if (!interviews.value) {
    return interviews.error ? (
      <ErrorNotice title="Your interviews could not be loaded." message={interviews.error} onRetry={interviews.retry} />
    ) : (
      <div className={card.centred}>
        <Spinner label="Loading your interviews…" />
      </div>
    );
  }
  if (interviews.value.length === 0) {
    return (
      <EmptyState icon={<ClipboardTaskListLtrRegular />} title="No interviews assigned to you.">
        When the taskforce assigns you a nominee to interview, they appear here and the rubric card arrives in your chat.
      </EmptyState>
    );
  }
  const toScore = interviews.value.filter((i) => isOpen(i) && !i.submittedAt).length;
  return (
    <section className={card.card} aria-label="My interviews">
      <Caption1 className={card.muted}>{toScore === 0 ? 'Nothing to score right now.' : `${toScore} to score.`} Scores can change until the taskforce decides.</Caption1>
      <div className={card.tableScroller}>
        <Table className={styles.table} size="small" aria-label="Interviews">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Candidate</TableHeaderCell>
              <TableHeaderCell>Cohort</TableHeaderCell>
              <TableHeaderCell>Stage</TableHeaderCell>
              <TableHeaderCell>Assigned</TableHeaderCell>
              <TableHeaderCell>Your scores</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {[...interviews.value].sort(byUrgency).map((interview) => {
              const state = stateOf(interview);
              return (
                <TableRow key={`${interview.cohortId}/${interview.candidateId}`}>
                  <TableCell>
                    <Link href={interviewHref(interview.cohortId, interview.candidateId)}>{interview.candidateName}</Link>
                  </TableCell>
                  <TableCell>{interview.cohortName}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={STAGE_COLORS[interview.stage]}>
                      {STAGE_NAMES[interview.stage]}
                    </Badge>
                  </TableCell>
                  <TableCell>{interview.assignedAt ? formatMoment(interview.assignedAt) : ''}</TableCell>
                  <TableCell>
                    <Badge appearance="filled" color={state.color}>
                      {state.label}
                    </Badge>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
