import type { ReactElement, ReactNode } from 'react';
import { Body1, Caption1, Subtitle2, Tag, TagGroup, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, DismissCircleRegular, HourglassRegular, WarningRegular } from '@fluentui/react-icons';
import type { ApplicantDetail, ApplicationJson } from '../../../../bot/program/applications/api';
import { FLAG_EXPLANATIONS, FLAG_NAMES, formatMoment } from './describeIntake';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  label: { color: tokens.colorNeutralForeground3 },
  prewrap: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  status: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  icon: { flexShrink: 0, fontSize: '20px', marginTop: '1px' },
  good: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  waiting: { color: tokens.colorNeutralForeground3 },
  warn: { color: tokens.colorPaletteMarigoldForeground1 },
});

export function DrawerSection({ title, children }: { title: string; children: ReactNode }): ReactElement {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label={title}>
      <Subtitle2 as="h3" className={styles.heading}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

export function Labelled({ label, children }: { label: string; children: ReactNode }): ReactElement {
  const styles = useStyles();
  return (
    <div className={styles.field}>
      <Caption1 className={styles.label}>{label}</Caption1>
      {children}
    </div>
  );
}

/** What the applicant wrote: their topics, anything else, and why they applied. Shown as plain text. */
export function ApplicantAnswers({ detail }: { detail: ApplicantDetail }): ReactElement {
  const styles = useStyles();
  const { application, topics } = detail;
  const titles = new Map(topics.map((topic) => [topic.id, topic.title]));
  const mentor = application.kind === 'mentor';
  return (
    <DrawerSection title="Application">
      <Labelled label={mentor ? 'Topics they would mentor on' : 'Topics they want to learn about'}>
        {application.topicIds.length > 0 ? (
          <TagGroup aria-label="Topics" style={{ flexWrap: 'wrap', gap: tokens.spacingHorizontalXS }}>
            {application.topicIds.map((id) => (
              <Tag key={id} size="small" appearance="brand" shape="circular">
                {titles.get(id) ?? id}
              </Tag>
            ))}
          </TagGroup>
        ) : (
          <Body1>None chosen</Body1>
        )}
      </Labelled>
      {application.otherTopics ? (
        <Labelled label="Other topics">
          <Body1 className={styles.prewrap}>{application.otherTopics}</Body1>
        </Labelled>
      ) : null}
      <Labelled label={mentor ? 'Why they want to mentor' : 'What they hope to gain'}>
        <Body1 className={styles.prewrap}>{application.motivation}</Body1>
      </Labelled>
      <Caption1 className={styles.label}>
        Submitted {formatMoment(application.submittedAt)}
        {mentor ? (application.agreedToExpectations ? ' · agreed to the program’s expectations' : ' · has not agreed to the expectations') : ''}
      </Caption1>
    </DrawerSection>
  );
}

/** Where the manager's approval stands, and why a nomination is flagged. */
export function ManagerSection({ application }: { application: ApplicationJson }): ReactElement {
  const styles = useStyles();
  const manager = application.managerName ?? 'No manager in the directory';
  let status: ReactElement;
  if (application.stage === 'managerDeclined') {
    status = (
      <Status icon={<DismissCircleRegular className={`${styles.icon} ${styles.bad}`} />}>
        Declined{application.managerDecidedAt ? ` ${formatMoment(application.managerDecidedAt)}` : ''}
        {application.managerDeclineReason ? `: “${application.managerDeclineReason}”` : ''}
      </Status>
    );
  } else if (application.managerDecidedAt) {
    status = (
      <Status icon={<CheckmarkCircleRegular className={`${styles.icon} ${styles.good}`} />}>
        Approved participation and good standing {formatMoment(application.managerDecidedAt)}
      </Status>
    );
  } else {
    status = (
      <Status icon={<HourglassRegular className={`${styles.icon} ${styles.waiting}`} />}>
        {application.approvalSentAt ? `Asked ${formatMoment(application.approvalSentAt)}` : 'Not asked yet'}
        {application.reminderSentAt ? `, reminded ${formatMoment(application.reminderSentAt)}` : ''}; no answer yet.
      </Status>
    );
  }
  return (
    <DrawerSection title="Manager approval">
      <Body1>{manager}</Body1>
      {status}
      {application.flag ? (
        <Status icon={<WarningRegular className={`${styles.icon} ${styles.warn}`} />}>
          {FLAG_NAMES[application.flag]}: {FLAG_EXPLANATIONS[application.flag]} Re-send the request from the list above the table.
        </Status>
      ) : null}
    </DrawerSection>
  );
}

function Status({ icon, children }: { icon: ReactElement; children: ReactNode }): ReactElement {
  const styles = useStyles();
  return (
    <div className={styles.status}>
      {icon}
      <Body1>{children}</Body1>
    </div>
  );
}
