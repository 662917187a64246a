import { useState, type ReactElement } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkRegular, ClockRegular, DismissRegular } from '@fluentui/react-icons';
import { APPLICATION_LIMITS, decideApplication, type ApplicationJson, type Decision } from '../../../../bot/program/applications/api';
import { call, messageOf, type TokenSource } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { DrawerSection } from './ApplicantSections';
import { formatMoment, isDecidable } from './describeIntake';

const useStyles = makeStyles({
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  prewrap: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

const NOTE_LIMIT = APPLICATION_LIMITS.decisionNote;

const OUTCOME: Record<Decision, string> = {
  accept: 'is accepted',
  waitlist: 'is on the waiting list',
  decline: 'is not selected this time',
};

/** Accept, waitlist or decline, with an optional note; declining asks first. The applicant is told in chat. */
export function DecisionPanel(props: { token: TokenSource; application: ApplicationJson; onDecided(message: string): void }): ReactElement | null {
  const styles = useStyles();
  const { application } = props;
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<Decision | undefined>();
  const [confirmingDecline, setConfirmingDecline] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const decidable = isDecidable(application.kind, application.stage);

  if (!decidable) {
    if (!application.decidedAt) {
      return application.kind === 'mentor' && application.stage !== 'managerDeclined' ? (
        <DrawerSection title="Decision">
          <Body1 className={styles.muted}>The taskforce decides after the interview has been scored.</Body1>
        </DrawerSection>
      ) : null;
    }
    return (
      <DrawerSection title="Decision">
        <Body1>
          {application.stageLabel}, decided {formatMoment(application.decidedAt)}.
        </Body1>
        {application.decisionNote ? <Body1 className={styles.prewrap}>Note: {application.decisionNote}</Body1> : null}
      </DrawerSection>
    );
  }

  const run = (decision: Decision): void => {
    setBusy(decision);
    setError(undefined);
    const { cohortId, personId, etag } = application;
    call(decideApplication, { params: { cohortId, personId }, body: { decision, note: note.trim() || undefined }, ifMatch: etag, token: props.token })
      .then(() => {
        setConfirmingDecline(false);
        props.onDecided(`${application.name} ${OUTCOME[decision]}. They will hear it in chat.`);
      })
      .catch((failure: unknown) => setError(messageOf(failure)))
      .finally(() => setBusy(undefined));
  };

  const wait = application.stage === 'waitlisted';
  return (
    <DrawerSection title="Decision">
      {wait ? <Body1>On the waiting list. You can still accept or decline.</Body1> : null}
      <Field label="Note (optional)" hint={`For the taskforce's record; the applicant does not see it. ${note.length}/${NOTE_LIMIT}`}>
        <Textarea value={note} maxLength={NOTE_LIMIT} resize="vertical" onChange={(_, data) => setNote(data.value)} />
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" icon={busy === 'accept' ? <Spinner size="tiny" /> : <CheckmarkRegular />} disabled={busy !== undefined} onClick={() => run('accept')}>
          Accept
        </Button>
        {wait ? null : (
          <Button icon={busy === 'waitlist' ? <Spinner size="tiny" /> : <ClockRegular />} disabled={busy !== undefined} onClick={() => run('waitlist')}>
            Waitlist
          </Button>
        )}
        <Button icon={<DismissRegular />} disabled={busy !== undefined} onClick={() => setConfirmingDecline(true)}>
          Decline…
        </Button>
      </div>
      {error && !confirmingDecline ? <ErrorNotice title="The decision was not saved." message={error} /> : null}
      <Caption1 className={styles.muted}>The applicant is told kindly in chat; scores and notes are never shared with them.</Caption1>
      <Dialog open={confirmingDecline} modalType="alert" onOpenChange={(_, data) => !data.open && busy === undefined && setConfirmingDecline(false)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Decline {application.name}?</DialogTitle>
            <DialogContent>
              <Body1>They will be told in chat that they were not selected this time. This cannot be undone.</Body1>
              {error ? <ErrorNotice title="The decision was not saved." message={error} /> : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" disabled={busy !== undefined} onClick={() => setConfirmingDecline(false)}>
                Cancel
              </Button>
              <Button appearance="primary" disabled={busy !== undefined} icon={busy === 'decline' ? <Spinner size="tiny" /> : undefined} onClick={() => run('decline')}>
                Decline
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </DrawerSection>
  );
}
