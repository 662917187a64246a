import { useState, type ReactElement } from 'react';
import { Body1, Button, Caption1, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { SendRegular } from '@fluentui/react-icons';
import { sendPublishedLearnings, type LearningSendingJson } from '../../../../bot/program/learnings/api';
import { call, type TokenSource } from '../../api';
import { ConfirmSendDialog } from '../../components/ConfirmSendDialog';
import { useDialogAction } from '../../components/useDialogAction';
import { describeBatch, formatCount } from '../cohorts/describeIntake';
import { useOutcomesStyles } from './outcomesStyles';

const count = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * Sends the published entries not sent before to the cohort in chat, one card each, after asking with the number of
 * people (as announcing a cohort does). What is sent cannot be taken back.
 */
export function SendLearningsPanel({ cohortId, sending, token, onSent }: { cohortId: string; sending: LearningSendingJson; token: TokenSource; onSent(): void }): ReactElement {
  const styles = useOutcomesStyles();
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<string | undefined>();
  const people = count(sending.recipients, 'person', 'people');
  const entries = count(sending.unsentEntries, 'published entry', 'published entries');
  const action = useDialogAction(
    async () => {
      const { sending: batch, entries: sent } = await call(sendPublishedLearnings, { params: { cohortId }, token });
      setDone(`Sending ${count(sent, 'entry', 'entries')} to ${count(batch.total, 'person', 'people')} in chat.`);
      onSent();
    },
    () => setAsking(false),
  );
  return (
    <div className={styles.form} data-testid="send-learnings">
      <Body1>
        {sending.unsentEntries === 0 ? 'Every published entry has been sent to the cohort in chat.' : `${entries} not sent to the cohort in chat yet.`}
        {sending.last ? ` Last card: ${describeBatch(sending.last)}.` : ''}
      </Body1>
      {done ? (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div>
        <Button icon={<SendRegular />} disabled={sending.unsentEntries === 0 || sending.recipients === 0 || action.busy} onClick={() => setAsking(true)}>
          Send to the cohort in chat
        </Button>
      </div>
      <ConfirmSendDialog open={asking} title={`Send to ${people}?`} people={people} busy={action.busy} error={action.error} onDismiss={() => setAsking(false)} onSend={action.run}>
        <Body1>
          Mentoring Up will send one card in chat to each of the {people} in this cohort’s pairs, with the {entries} not sent before. It cannot be taken back. People who have not
          opened Mentoring Up in Teams will not get it; they can read the entries on My mentoring.
        </Body1>
        <Caption1 className={styles.muted}>Only entries the executives agreed to share, with their names, are sent.</Caption1>
      </ConfirmSendDialog>
    </div>
  );
}
