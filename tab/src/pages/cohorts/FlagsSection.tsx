import { useState, type ReactElement } from 'react';
import { Body1Strong, Button, Caption1, Link, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { SendRegular } from '@fluentui/react-icons';
import { resendApprovalRequest, type FlaggedNomination } from '../../../../bot/program/applications/api';
import { call, messageOf, type TokenSource } from '../../api';
import { actionListPieces, sectionPieces } from '../../components/cardStyles';
import { ErrorNotice } from '../../components/ErrorNotice';
import { applicantHref } from './cohortRoute';
import { useCardStyles } from './cohortStyles';
import { FLAG_EXPLANATIONS, FLAG_NAMES, formatMoment } from './describeIntake';

const useStyles = makeStyles({
  ...actionListPieces,
  muted: sectionPieces.muted,
  card: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteMarigoldBorderActive}` },
});

type Outcome = { personId: string; intent: 'success' | 'warning' | 'error'; message: string };

/** Nominations stuck on a manager who could not be reached or did not answer, with a way to ask again. */
export function FlagsSection(props: { token: TokenSource; cohortId: string; flags: FlaggedNomination[]; onChanged(): void }): ReactElement | null {
  const styles = useStyles();
  const card = useCardStyles();
  const [busy, setBusy] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  if (props.flags.length === 0 && !outcome) return null;

  const resend = (flag: FlaggedNomination): void => {
    setBusy(flag.personId);
    setOutcome(undefined);
    call(resendApprovalRequest, { params: { cohortId: props.cohortId, personId: flag.personId }, token: props.token })
      .then(({ application }) => {
        const manager = application.managerName ?? 'their manager';
        setOutcome(
          application.flag
            ? { personId: flag.personId, intent: 'warning', message: `${manager} still could not be asked. ${FLAG_EXPLANATIONS[application.flag]}` }
            : { personId: flag.personId, intent: 'success', message: `The approval request for ${application.name} went to ${manager} again.` },
        );
        props.onChanged();
      })
      .catch((error: unknown) => setOutcome({ personId: flag.personId, intent: 'error', message: messageOf(error) }))
      .finally(() => setBusy(undefined));
  };

  return (
    <section className={`${card.card} ${styles.card}`} aria-labelledby="flags-heading" data-testid="flags">
      <div>
        <Subtitle2 as="h2" id="flags-heading" className={card.heading}>
          Waiting on a manager ({props.flags.length})
        </Subtitle2>
        <Caption1 as="p" className={card.intro}>
          These nominations cannot move on until a manager approves. Ask again, or talk to the manager directly.
        </Caption1>
      </div>
      {outcome?.intent === 'error' ? <ErrorNotice title="The request was not sent." message={outcome.message} /> : null}
      {outcome && outcome.intent !== 'error' ? (
        <MessageBar intent={outcome.intent} politeness="polite">
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      ) : null}
      {props.flags.length > 0 ? (
        <ul className={styles.list}>
          {props.flags.map((flag) => (
            <li key={flag.personId} className={styles.item}>
              <div className={styles.text}>
                <Body1Strong>
                  <Link href={applicantHref(props.cohortId, flag.personId)}>{flag.name}</Link> · {FLAG_NAMES[flag.reason]}
                </Body1Strong>
                <Caption1>{FLAG_EXPLANATIONS[flag.reason]}</Caption1>
                <Caption1 className={styles.muted}>
                  {[
                    flag.managerName ? `Manager: ${flag.managerName}` : 'No manager in the directory',
                    flag.approvalSentAt ? `asked ${formatMoment(flag.approvalSentAt)}` : undefined,
                    flag.reminderSentAt ? `reminded ${formatMoment(flag.reminderSentAt)}` : undefined,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Caption1>
              </div>
              <Button
                icon={busy === flag.personId ? <Spinner size="tiny" /> : <SendRegular />}
                disabled={busy !== undefined}
                onClick={() => resend(flag)}
                aria-label={`Re-send approval request for ${flag.name}`}
              >
                Re-send approval request
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
