import type { ReactElement, ReactNode } from 'react';
import { Badge, Body1, Body1Strong, Caption1, Link, Subtitle2, Tag, TagGroup, makeStyles, tokens } from '@fluentui/react-components';
import { ChatRegular } from '@fluentui/react-icons';
import type { ApprovalWaiting, InterviewToDo, MyApplication, OpenCohort } from '../../../../bot/program/pipeline/api';
import { useCardStyles } from '../cohorts/cohortStyles';
import { STAGE_COLORS, formatDay, formatMoment } from '../cohorts/describeIntake';
import { interviewHref } from '../interviews/interviewRoute';
import { nextStepFor } from './nextSteps';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} 0`,
    ':not(:last-child)': { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  command: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  hint: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  hintIcon: { flexShrink: 0, fontSize: '20px', color: tokens.colorBrandForeground1, marginTop: '1px' },
  invite: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}` },
});

function Section({ title, intro, children, testId, className }: { title: string; intro?: string; children: ReactNode; testId: string; className?: string }): ReactElement {
  const card = useCardStyles();
  const id = `my-${testId}`;
  return (
    <section className={className ? `${card.card} ${className}` : card.card} aria-labelledby={id} data-testid={testId}>
      <div>
        <Subtitle2 as="h2" id={id} className={card.heading}>
          {title}
        </Subtitle2>
        {intro ? (
          <Caption1 as="p" className={card.intro}>
            {intro}
          </Caption1>
        ) : null}
      </div>
      {children}
    </section>
  );
}

/** A command to type in the bot's chat, set apart so it reads as something to type. */
export function ChatCommand({ children }: { children: string }): ReactElement {
  const styles = useStyles();
  return <span className={styles.command}>{children}</span>;
}

function ChatHint({ children }: { children: ReactNode }): ReactElement {
  const styles = useStyles();
  return (
    <div className={styles.hint}>
      <ChatRegular className={styles.hintIcon} aria-hidden="true" />
      <Body1>{children}</Body1>
    </div>
  );
}

export function MyApplications({ applications, pairedCohorts }: { applications: MyApplication[]; pairedCohorts: ReadonlySet<string> }): ReactElement {
  const styles = useStyles();
  return (
    <Section title={applications.length === 1 ? 'Your application' : 'Your applications'} testId="applications">
      <ul className={styles.list}>
        {applications.map((application) => (
          <li key={application.cohortId} className={styles.item}>
            <div className={styles.row}>
              <Body1Strong>{application.cohortName}</Body1Strong>
              <Caption1 className={styles.muted}>{application.kind === 'mentor' ? 'as a mentor' : 'as an executive'}</Caption1>
              <Badge appearance="tint" color={STAGE_COLORS[application.stage]}>
                {application.status}
              </Badge>
            </div>
            <Body1>{nextStepFor(application.kind, application.stage, pairedCohorts.has(application.cohortId))}</Body1>
            {application.topics.length > 0 || application.otherTopics ? (
              <TagGroup aria-label="Your topics" style={{ flexWrap: 'wrap', gap: tokens.spacingHorizontalXS }}>
                {[...application.topics, ...(application.otherTopics ? [application.otherTopics] : [])].map((topic) => (
                  <Tag key={topic} size="small" shape="circular" appearance="outline">
                    {topic}
                  </Tag>
                ))}
              </TagGroup>
            ) : null}
            <Caption1 className={styles.muted}>Submitted {formatMoment(application.submittedAt)}</Caption1>
          </li>
        ))}
      </ul>
      <ChatHint>
        Type <ChatCommand>status</ChatCommand> in your chat with Mentoring Up to see this there too.
      </ChatHint>
    </Section>
  );
}

export function ApprovalsWaiting({ approvals }: { approvals: ApprovalWaiting[] }): ReactElement {
  const styles = useStyles();
  return (
    <Section
      title={`Approvals waiting for you (${approvals.length})`}
      intro="Someone on your team nominated themselves to mentor an executive. As their manager, you approve their participation and confirm they are in good standing."
      testId="approvals"
    >
      <ul className={styles.list}>
        {approvals.map((approval) => (
          <li key={`${approval.cohortId}/${approval.nomineeId}`} className={styles.item}>
            <div className={styles.row}>
              <Body1Strong>{approval.nomineeName}</Body1Strong>
              <Caption1 className={styles.muted}>
                {approval.cohortName} · nominated {formatMoment(approval.submittedAt)}
              </Caption1>
            </div>
          </li>
        ))}
      </ul>
      <ChatHint>Open your chat with Mentoring Up to approve or decline: the approval card with their topics and motivation is there.</ChatHint>
    </Section>
  );
}

export function InterviewsToDo({ interviews }: { interviews: InterviewToDo[] }): ReactElement {
  const styles = useStyles();
  const toScore = interviews.filter((interview) => !interview.scored).length;
  return (
    <Section
      title={`Interviews (${toScore} to score)`}
      intro="Nominees the taskforce asked you to interview. Score them here or on the rubric card in your chat."
      testId="interviews"
    >
      <ul className={styles.list}>
        {interviews.map((interview) => (
          <li key={`${interview.cohortId}/${interview.candidateId}`} className={styles.item}>
            <div className={styles.row}>
              <Link href={interviewHref(interview.cohortId, interview.candidateId)}>{interview.candidateName}</Link>
              <Caption1 className={styles.muted}>{interview.cohortName}</Caption1>
              <Badge appearance="filled" color={interview.scored ? 'success' : 'warning'}>
                {interview.scored ? 'Scored' : 'To score'}
              </Badge>
            </div>
          </li>
        ))}
      </ul>
      <Link href="#/interviews">All my interviews</Link>
    </Section>
  );
}

/** The open cohort, for someone who has not applied to it: how to take part, or why they cannot. */
export function OpenCohortInvite({ cohort }: { cohort: OpenCohort }): ReactElement {
  const styles = useStyles();
  const canJoin = cohort.canNominate || cohort.canApply;
  return (
    <Section title={canJoin ? 'You have not applied yet.' : 'Applications are open'} testId="open-cohort" className={styles.invite}>
      <Body1>
        Applications for {cohort.name} are open until {formatDay(cohort.closesOn)}.
      </Body1>
      {cohort.canNominate ? (
        <ChatHint>
          To mentor an executive, type <ChatCommand>nominate</ChatCommand> in your chat with Mentoring Up. You choose the topics you would mentor on and say why; your manager is
          then asked to approve.
        </ChatHint>
      ) : null}
      {cohort.canApply ? (
        <ChatHint>
          To be paired with a front-line mentor, type <ChatCommand>apply</ChatCommand> in your chat with Mentoring Up and share the topics you want to learn about.
        </ChatHint>
      ) : null}
      {!canJoin ? (
        <Body1 className={styles.muted}>
          Mentors are front-line staff without supervisory responsibility, so you cannot nominate yourself while you have direct reports. You can still encourage your team: when
          one of them nominates themselves, the approval comes to your chat.
        </Body1>
      ) : null}
      {cohort.canNominate ? <Caption1 className={styles.muted}>Mentors meet their executive four times over the year, including hosting a shadowing visit.</Caption1> : null}
    </Section>
  );
}
