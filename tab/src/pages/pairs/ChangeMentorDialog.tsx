import { useEffect, useState, type ReactElement } from 'react';
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
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { checkPair, OVERRIDE_REASON, type PairCheck, type PersonSummary } from '../../../../bot/program/matching/api';
import { call, isAbort, messageOf, type TokenSource } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useDialogAction } from '../../components/useDialogAction';
import { RULE_NAMES, roleLine } from './describeMatching';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  // Long names and titles must not push the native select (and its chevron) past the dialog's edge.
  select: { width: '100%', minWidth: 0, '& select': { textOverflow: 'ellipsis' } },
  violations: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  checking: { display: 'flex', justifyContent: 'flex-start' },
});

type CheckState = { kind: 'idle' } | { kind: 'checking' } | { kind: 'done'; check: PairCheck } | { kind: 'failed'; message: string };

interface ChangeMentorDialogProps {
  token: TokenSource;
  cohortId: string;
  executive: PersonSummary;
  /** The mentor proposed now, if any. */
  current?: PersonSummary;
  freeMentors: PersonSummary[];
  onDismiss(): void;
  /** Places the mentor; `overrideReason` only when the pair breaks a rule. */
  assign(mentorId: string, overrideReason: string | undefined): Promise<void>;
}

/** Follows the chosen mentor with the service's rule check, so a broken rule is seen (and justified) before placing. */
function usePairCheck(token: TokenSource, cohortId: string, executiveId: string, mentorId: string): CheckState {
  const [state, setState] = useState<CheckState>({ kind: 'idle' });
  useEffect(() => {
    if (!mentorId) {
      setState({ kind: 'idle' });
      return undefined;
    }
    const controller = new AbortController();
    setState({ kind: 'checking' });
    call(checkPair, { params: { cohortId }, query: { executiveId, mentorId }, token, signal: controller.signal })
      .then((check) => setState({ kind: 'done', check }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setState({ kind: 'failed', message: messageOf(error) });
      });
    return () => controller.abort();
  }, [token, cohortId, executiveId, mentorId]);
  return state;
}

/** Places a free mentor with an executive by hand; the pair is then locked. Breaking a rule needs a written reason. */
export function ChangeMentorDialog(props: ChangeMentorDialogProps): ReactElement {
  const { token, cohortId, executive, current, freeMentors, onDismiss, assign } = props;
  const styles = useStyles();
  const [mentorId, setMentorId] = useState('');
  const [reason, setReason] = useState('');
  const check = usePairCheck(token, cohortId, executive.id, mentorId);

  const violating = check.kind === 'done' && !check.check.allowed;
  // Counted in characters as people see them (code points), as the service counts.
  const reasonLength = [...reason.trim()].length;
  const reasonOk = reasonLength >= OVERRIDE_REASON.min && reasonLength <= OVERRIDE_REASON.max;
  const ready = check.kind === 'done' && (!violating || reasonOk);

  const { busy, error, run: place, clearError } = useDialogAction(() => assign(mentorId, violating ? reason.trim() : undefined), onDismiss);

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && !busy && onDismiss()}>
      <DialogSurface aria-describedby="change-mentor-text">
        <DialogBody>
          <DialogTitle>{current ? `Change the mentor of ${executive.name}` : `Choose a mentor for ${executive.name}`}</DialogTitle>
          <DialogContent className={styles.content}>
            <Body1 id="change-mentor-text">
              {current ? `Now proposed: ${current.name}. ` : ''}
              The mentor you choose is placed by hand and locked, so re-runs keep the pair.
            </Body1>
            {freeMentors.length === 0 ? (
              <ErrorNotice intent="info" title="Every accepted mentor is paired." message="Ban or change another pair first to free a mentor." />
            ) : (
              <Field label="Mentor" hint="Accepted mentors without an executive.">
                <Select
                  className={styles.select}
                  value={mentorId}
                  onChange={(_, data) => {
                    setMentorId(data.value);
                    clearError();
                  }}
                  disabled={busy}
                >
                  <option value="">Choose a mentor…</option>
                  {freeMentors.map((mentor) => (
                    <option key={mentor.id} value={mentor.id}>
                      {mentor.name} — {roleLine(mentor)}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <div aria-live="polite" data-testid="pair-check">
              <CheckResult state={check} />
            </div>
            {violating ? (
              <Field
                label="Reason for the override"
                required
                hint={`${OVERRIDE_REASON.min} to ${OVERRIDE_REASON.max} characters (${reasonLength} so far). The reason, your name and the rule broken are kept in the audit log.`}
                validationState={reasonLength > OVERRIDE_REASON.max ? 'error' : 'none'}
                validationMessage={reasonLength > OVERRIDE_REASON.max ? `Please keep the reason under ${OVERRIDE_REASON.max} characters.` : undefined}
              >
                <Textarea value={reason} onChange={(_, data) => setReason(data.value)} resize="vertical" disabled={busy} />
              </Field>
            ) : null}
            {error ? <ErrorNotice title="The mentor was not placed." message={error} /> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onDismiss} disabled={busy}>
              Cancel
            </Button>
            <Button appearance="primary" onClick={place} disabled={busy || !ready} icon={busy ? <Spinner size="tiny" /> : undefined}>
              {violating ? 'Override and place mentor' : 'Place mentor'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function CheckResult({ state }: { state: CheckState }): ReactElement | null {
  const styles = useStyles();
  switch (state.kind) {
    case 'idle':
      return null;
    case 'checking':
      return (
        <div className={styles.checking}>
          <Spinner size="tiny" label="Checking the rules…" />
        </div>
      );
    case 'failed':
      return <ErrorNotice title="The rules could not be checked." message={state.message} />;
    case 'done': {
      const { check } = state;
      const topics = check.sharedTopics.length > 0 ? check.sharedTopics.join('; ') : 'none';
      if (check.allowed) {
        return (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>No rule is broken.</MessageBarTitle>
              Score {check.score}. Shared topics: {topics}.
            </MessageBarBody>
          </MessageBar>
        );
      }
      return (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This pair breaks a rule. Placing it is an override, and it will be audited.</MessageBarTitle>
            <ul className={styles.violations}>
              {check.violations.map((violation) => (
                <li key={violation.rule}>
                  <strong>{RULE_NAMES[violation.rule]}:</strong> {violation.message}
                </li>
              ))}
            </ul>
            Score {check.score}. Shared topics: {topics}.
          </MessageBarBody>
        </MessageBar>
      );
    }
  }
}
