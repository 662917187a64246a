import type { ReactElement, ReactNode } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * "Send to N people?" before a card goes to many people in chat (announcing a cohort, sending "You said, we did"): what
 * is sent cannot be taken back, so the count is shown and the send is a second, deliberate click.
 */
export function ConfirmSendDialog(props: {
  open: boolean;
  /** The question: "Announce to 12 people?". */
  title: string;
  /** "12 people". */
  people: string;
  children: ReactNode;
  busy?: boolean;
  error?: string;
  onDismiss(): void;
  onSend(): void;
}): ReactElement {
  const styles = useStyles();
  return (
    <Dialog open={props.open} modalType="alert" onOpenChange={(_, data) => !data.open && !props.busy && props.onDismiss()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent className={styles.content}>
            {props.children}
            {props.error ? (
              <MessageBar intent="error">
                <MessageBarBody>{props.error}</MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" disabled={props.busy} onClick={props.onDismiss}>
              Cancel
            </Button>
            <Button appearance="primary" disabled={props.busy} onClick={props.onSend}>
              Send to {props.people}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
