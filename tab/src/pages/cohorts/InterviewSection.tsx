import { useState, type ReactElement } from 'react';
import { Body1, Button, Caption1, Dropdown, Field, Option, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { assignInterviewer, listTaskforceMembers, type ApplicantDetail, type TaskforceMember } from '../../../../bot/program/applications/api';
import { call, messageOf, type TokenSource } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLoaded } from '../people/useLoaded';
import { ScoresView } from '../interviews/ScoresView';
import { DrawerSection, Labelled } from './ApplicantSections';
import { canAssignInterviewer, formatMoment } from './describeIntake';

const useStyles = makeStyles({
  picker: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  dropdown: { minWidth: '240px', flexGrow: 1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

interface InterviewSectionProps {
  token: TokenSource;
  detail: ApplicantDetail;
  onAssigned(message: string): void;
}

/** Who interviews the nominee (chosen from the taskforce), and the scores once they are in. */
export function InterviewSection({ token, detail, onAssigned }: InterviewSectionProps): ReactElement {
  const styles = useStyles();
  const { application, interview, rubric } = detail;
  const assignable = canAssignInterviewer(application.kind, application.stage);
  const scored = Boolean(interview.submittedAt);

  return (
    <DrawerSection title="Interview">
      <Labelled label="Interviewer">
        <Body1>{application.interviewerName ?? 'Not assigned yet'}</Body1>
        {interview.assignedAt ? <Caption1 className={styles.muted}>Assigned {formatMoment(interview.assignedAt)}</Caption1> : null}
      </Labelled>
      {assignable ? (
        <InterviewerPicker
          token={token}
          cohortId={application.cohortId}
          personId={application.personId}
          candidateName={application.name}
          current={application.interviewerId}
          etag={application.etag}
          onAssigned={onAssigned}
        />
      ) : null}
      {scored ? (
        <>
          <Caption1 className={styles.muted}>Scored {interview.submittedAt ? formatMoment(interview.submittedAt) : ''}</Caption1>
          <ScoresView interview={interview} rubric={rubric} />
        </>
      ) : application.interviewerId ? (
        <Body1 className={styles.muted}>Not scored yet. The interviewer scores in chat or in the tab under My interviews.</Body1>
      ) : null}
    </DrawerSection>
  );
}

interface PickerProps {
  token: TokenSource;
  cohortId: string;
  personId: string;
  candidateName: string;
  current: string | null;
  /** The application's version on screen: assigning answers a conflict when someone changed it meanwhile. */
  etag: string;
  onAssigned(message: string): void;
}

function InterviewerPicker({ token, cohortId, personId, candidateName, current, etag, onAssigned }: PickerProps): ReactElement {
  const styles = useStyles();
  const members = useLoaded('taskforce-members', async (signal) => (await call(listTaskforceMembers, { token, signal })).members);
  const [chosen, setChosen] = useState<string | undefined>(current ?? undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  if (!members.value) {
    return members.error ? (
      <ErrorNotice title="The taskforce could not be loaded." message={members.error} onRetry={members.retry} />
    ) : (
      <Spinner size="tiny" label="Loading the taskforce…" />
    );
  }
  const byId = new Map<string, TaskforceMember>(members.value.map((member) => [member.id, member]));
  const chosenMember = chosen ? byId.get(chosen) : undefined;

  const assign = (): void => {
    if (!chosen) return;
    setBusy(true);
    setError(undefined);
    call(assignInterviewer, { params: { cohortId, personId }, body: { interviewerId: chosen }, ifMatch: etag, token })
      .then(({ application, rubricCardDelivered }) => {
        const who = application.interviewerName ?? chosenMember?.name ?? 'The interviewer';
        onAssigned(
          rubricCardDelivered
            ? `${who} will interview ${candidateName}; the rubric card is in their chat.`
            : `${who} will interview ${candidateName}. Their chat could not be reached, so they score in the tab under My interviews.`,
        );
      })
      .catch((failure: unknown) => setError(messageOf(failure)))
      .finally(() => setBusy(false));
  };

  return (
    <>
      <div className={styles.picker}>
        <Field label={current ? 'Change the interviewer' : 'Assign an interviewer'} className={styles.dropdown}>
          <Dropdown
            placeholder="Choose a taskforce member"
            value={chosenMember?.name ?? ''}
            selectedOptions={chosen ? [chosen] : []}
            onOptionSelect={(_, data) => setChosen(data.optionValue)}
          >
            {members.value.map((member) => (
              <Option key={member.id} value={member.id} text={member.name}>
                {member.jobTitle ? `${member.name} · ${member.jobTitle}` : member.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button appearance="primary" onClick={assign} disabled={busy || !chosen || chosen === current} icon={busy ? <Spinner size="tiny" /> : undefined}>
          Assign
        </Button>
      </div>
      {error ? <ErrorNotice title="The interviewer was not assigned." message={error} /> : null}
    </>
  );
}
