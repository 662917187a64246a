import { useState, type ReactElement } from 'react';
import { Body1, Button, Caption1, Checkbox, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { cancelIceBreaker, getIceBreaker, scheduleIceBreaker, type CohortIceBreaker, type RsvpAnswer } from '../../../../bot/program/icebreaker/api';
import { call, messageOf, type TokenSource } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useCardStyles } from '../cohorts/cohortStyles';
import { formatDay } from '../cohorts/describeIntake';
import { useLoaded } from '../people/useLoaded';
import { eventDraft, EventFields, eventInput } from './EventFields';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  table: { borderCollapse: 'collapse', '& td, & th': { textAlign: 'left', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}` } },
});

const ANSWER_WORDS: Record<RsvpAnswer, string> = { yes: 'Yes', no: 'No', maybe: 'Maybe' };

/** A cohort's ice breaker for the taskforce: when and where, the alumni who speak, and everyone's answer. */
export function IceBreakerPanel({ cohortId, token }: { cohortId: string; token: TokenSource }): ReactElement {
  const card = useCardStyles();
  const [version, setVersion] = useState(0);
  const loaded = useLoaded(`icebreaker/${cohortId}/${version}`, (signal) => call(getIceBreaker, { token, signal, params: { cohortId } }));
  const value = loaded.value;
  if (loaded.error && !value) return <ErrorNotice intent="info" title="No ice breaker yet." message={loaded.error} onRetry={loaded.retry} />;
  if (!value) return <Spinner label="Loading the ice breaker…" />;
  return (
    <section className={card.card} aria-labelledby="icebreaker-heading" data-testid="icebreaker">
      <Subtitle2 as="h2" id="icebreaker-heading" className={card.heading}>
        Ice breaker
      </Subtitle2>
      <IceBreakerForm key={value.etag} value={value} cohortId={cohortId} token={token} onSaved={() => setVersion((v) => v + 1)} />
      <Answers value={value} />
    </section>
  );
}

function IceBreakerForm({ value, cohortId, token, onSaved }: { value: CohortIceBreaker; cohortId: string; token: TokenSource; onSaved(): void }): ReactElement {
  const styles = useStyles();
  const live = value.iceBreaker && !value.iceBreaker.cancelled ? value.iceBreaker : null;
  const [draft, setDraft] = useState(eventDraft(live));
  const [alumni, setAlumni] = useState<string[]>(live?.alumniIds ?? []);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    setProblem(undefined);
    try {
      await action();
      onSaved();
    } catch (error) {
      setProblem(messageOf(error));
      setBusy(false);
    }
  };
  return (
    <>
      <Caption1>
        {live
          ? `Scheduled for ${formatDay(live.date)} at ${live.time}${live.inCalendar ? ', in the organiser’s calendar as a Teams meeting' : ''}.`
          : `Not scheduled${value.iceBreaker?.cancelled ? ' (cancelled)' : ''}. It must come before ${formatDay(value.yearStartsOn)}, when one-on-ones start.`}
        {value.calendarConnected ? '' : ' Paste the meeting link if people can join online.'}
      </Caption1>
      <EventFields label="When and where" value={draft} onChange={setDraft} />
      {value.candidates.length > 0 ? (
        <fieldset aria-label="Alumni to speak">
          <Body1>Alumni to share what they gained (executives of earlier cohorts)</Body1>
          {value.candidates.map((c) => (
            <Checkbox
              key={c.personId}
              label={`${c.name} (${c.cohortNames.join(', ')})`}
              checked={alumni.includes(c.personId)}
              onChange={(_, data) => setAlumni(data.checked ? [...alumni, c.personId] : alumni.filter((id) => id !== c.personId))}
            />
          ))}
        </fieldset>
      ) : null}
      {problem ? <ErrorNotice title="That did not work." message={problem} /> : null}
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() => void run(() => call(scheduleIceBreaker, { token, params: { cohortId }, ifMatch: value.etag, body: { ...eventInput(draft), alumniIds: alumni } }))}
        >
          {live ? 'Save and tell everyone' : 'Schedule and invite'}
        </Button>
        {live ? (
          <Button disabled={busy} onClick={() => void run(() => call(cancelIceBreaker, { token, params: { cohortId }, ifMatch: value.etag }))}>
            Cancel the ice breaker
          </Button>
        ) : null}
      </div>
    </>
  );
}

function Answers({ value }: { value: CohortIceBreaker }): ReactElement | null {
  const styles = useStyles();
  if (!value.iceBreaker || value.iceBreaker.cancelled) return null;
  const { counts } = value;
  return (
    <>
      <Body1 role="status">
        Yes {counts.yes} · Maybe {counts.maybe} · No {counts.no} · No answer yet {counts.waiting}
      </Body1>
      <table className={styles.table} aria-label="Answers">
        <thead>
          <tr>
            <th>Name</th>
            <th>Role</th>
            <th>Answer</th>
          </tr>
        </thead>
        <tbody>
          {value.invitees.map((i) => (
            <tr key={i.personId}>
              <td>{i.name}</td>
              <td>{i.role}</td>
              <td>{i.rsvp ? ANSWER_WORDS[i.rsvp] : 'No answer yet'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
