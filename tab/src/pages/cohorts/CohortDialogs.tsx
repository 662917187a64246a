import { useState, type ReactElement } from 'react';
import { Body1, Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { CohortJson } from '../../../../bot/program/cohorts/api';
import { ConfirmSendDialog } from '../../components/ConfirmSendDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useDialogAction } from '../../components/useDialogAction';
import { formatCount } from './describeIntake';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  hint: { display: 'block', margin: 0, color: tokens.colorNeutralForeground3, paddingLeft: '32px' },
});

interface ConfirmDialogProps {
  cohort: CohortJson;
  onDismiss(): void;
}

/** Opening applications, optionally announcing them in chat to every eligible employee. */
export function OpenCohortDialog({ cohort, onDismiss, run }: ConfirmDialogProps & { run(announce: boolean): Promise<void> }): ReactElement {
  const styles = useStyles();
  const [announce, setAnnounce] = useState(true);
  const { busy, error, run: confirm } = useDialogAction(() => run(announce), onDismiss);
  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && !busy && onDismiss()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Open applications for {cohort.name}?</DialogTitle>
          <DialogContent className={styles.content}>
            <Body1>Employees without direct reports can then nominate themselves in chat, and executives can apply, until the window closes.</Body1>
            <div>
              <Checkbox checked={announce} onChange={(_, data) => setAnnounce(data.checked === true)} label="Announce to eligible employees" />
              <Body1 as="p" className={styles.hint}>
                Mentoring Up sends each of them a card in chat, once. Progress shows here while it goes out.
              </Body1>
            </div>
            {error ? <ErrorNotice title="Applications were not opened." message={error} /> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onDismiss} disabled={busy}>
              Cancel
            </Button>
            <Button appearance="primary" onClick={confirm} disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
              Open applications
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** Closing applications asks first: people can no longer nominate themselves or apply afterwards. */
export function CloseCohortDialog({ cohort, onDismiss, run }: ConfirmDialogProps & { run(): Promise<void> }): ReactElement {
  const { busy, error, run: confirm } = useDialogAction(run, onDismiss);
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && !busy && onDismiss()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Close applications for {cohort.name}?</DialogTitle>
          <DialogContent>
            <Body1>Nobody can nominate themselves or apply after this. Everyone who already applied stays in the pipeline, and you can still interview and decide.</Body1>
            {error ? <ErrorNotice title="Applications were not closed." message={error} /> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onDismiss} disabled={busy}>
              Keep open
            </Button>
            <Button appearance="primary" onClick={confirm} disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
              Close applications
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/**
 * Announcing messages every eligible employee: it asks first, saying how many people that is. It stays mounted and
 * closes through `open`, so the dialog takes back the aria-hidden it put on the rest of the page.
 */
export function AnnounceDialog({ open, recipients, onDismiss, run }: { open: boolean; recipients: number; onDismiss(): void; run(): void }): ReactElement {
  const people = `${formatCount(recipients)} ${recipients === 1 ? 'person' : 'people'}`;
  return (
    <ConfirmSendDialog open={open} title={`Announce to ${people}?`} people={people} onDismiss={onDismiss} onSend={run}>
      <Body1>
        Mentoring Up will send a card in chat to each of the {people} who can mentor (employees without direct reports), once. It cannot be taken back. People who have not opened
        Mentoring Up in Teams will not get it.
      </Body1>
    </ConfirmSendDialog>
  );
}
