import { useState, type ReactElement } from 'react';
import {
  Body1,
  Button,
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
import { BAN_REASON, type Proposal, type ProposedPairJson } from '../../../../bot/program/matching/api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useDialogAction } from '../../components/useDialogAction';
import { listNames, plural } from './describeMatching';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface BanDialogProps {
  pair: ProposedPairJson;
  onDismiss(): void;
  ban(reason: string): Promise<void>;
}

/** Banning a proposed pair removes it now and keeps it out of every re-run; the reason is optional. */
export function BanDialog({ pair, onDismiss, ban }: BanDialogProps): ReactElement {
  const styles = useStyles();
  const [reason, setReason] = useState('');
  const action = useDialogAction(() => ban(reason.trim()), onDismiss);
  const tooLong = [...reason.trim()].length > BAN_REASON.max;
  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && !action.busy && onDismiss()}>
      <DialogSurface aria-describedby="ban-text">
        <DialogBody>
          <DialogTitle>Ban this pair?</DialogTitle>
          <DialogContent className={styles.content}>
            <Body1 id="ban-text">
              {pair.executive.name} and {pair.mentor.name} will not be proposed together again in this cohort. {pair.executive.name} is left without a mentor until you re-run
              matching or choose one by hand.
            </Body1>
            <Field
              label="Reason (optional)"
              hint={`Kept with the ban in the audit log. Up to ${BAN_REASON.max} characters.`}
              validationState={tooLong ? 'error' : 'none'}
              validationMessage={tooLong ? `Please keep the reason under ${BAN_REASON.max} characters.` : undefined}
            >
              <Textarea value={reason} onChange={(_, data) => setReason(data.value)} resize="vertical" />
            </Field>
            {action.error ? <ErrorNotice title="The pair was not banned." message={action.error} /> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onDismiss} disabled={action.busy}>
              Cancel
            </Button>
            <Button appearance="primary" onClick={action.run} disabled={action.busy || tooLong} icon={action.busy ? <Spinner size="tiny" /> : undefined}>
              Ban pair
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

interface ConfirmPairsDialogProps {
  proposal: Proposal;
  onDismiss(): void;
  confirm(): Promise<void>;
}

/** Confirming is final: everyone in a pair is told in Teams who their partner is. */
export function ConfirmPairsDialog({ proposal, onDismiss, confirm }: ConfirmPairsDialogProps): ReactElement {
  const styles = useStyles();
  const action = useDialogAction(confirm, onDismiss);
  const count = proposal.pairs.length;
  const left = proposal.unmatched.map((u) => u.executive.name);
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && !action.busy && onDismiss()}>
      <DialogSurface aria-describedby="confirm-text">
        <DialogBody>
          <DialogTitle>Confirm {plural(count, 'pair', 'pairs')}?</DialogTitle>
          <DialogContent className={styles.content}>
            <Body1 id="confirm-text">
              Each mentor and each executive gets a card in Teams introducing their partner: name, role, department, shared topics and what happens next. The pairs cannot be
              changed here afterwards.
            </Body1>
            {left.length > 0 ? (
              <ErrorNotice
                intent="warning"
                title={`${plural(left.length, 'executive stays', 'executives stay')} without a mentor.`}
                message={`${listNames(left)} will not be paired in this cohort.`}
              />
            ) : null}
            {action.error ? <ErrorNotice title="The pairs were not confirmed." message={action.error} /> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onDismiss} disabled={action.busy}>
              Keep reviewing
            </Button>
            <Button appearance="primary" onClick={action.run} disabled={action.busy} icon={action.busy ? <Spinner size="tiny" /> : undefined}>
              Confirm and send introductions
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
