import { useState, type ReactElement } from 'react';
import { Button, Checkbox, Spinner, Subtitle2, Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import {
  getOrientation,
  remindOrientation,
  updateOrientationSessions,
  updateOrientationText,
  type CohortOrientation,
  type OrientationRole,
} from '../../../../bot/program/orientation/api';
import { call, messageOf, type TokenSource } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Markdown } from '../../components/Markdown';
import { useCardStyles } from '../cohorts/cohortStyles';
import { EntryEditor } from '../handbook/EntryEditor';
import { useLoaded } from '../people/useLoaded';
import { eventDraft, EventFields, eventInput, type EventDraft } from './EventFields';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  names: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

const ROLE_WORDS: Record<OrientationRole, string> = { mentor: 'Mentors', executive: 'Executives' };

/** A cohort's orientations for the taskforce: who has read theirs (and a reminder), the sessions, and the two texts. */
export function OrientationPanel({ cohortId, token }: { cohortId: string; token: TokenSource }): ReactElement {
  const card = useCardStyles();
  const styles = useStyles();
  const [version, setVersion] = useState(0);
  const [problem, setProblem] = useState<string>();
  const [note, setNote] = useState<string>();
  const loaded = useLoaded(`orientation/${cohortId}/${version}`, (signal) => call(getOrientation, { token, signal, params: { cohortId } }));
  const reload = () => setVersion((v) => v + 1);
  const value = loaded.value;
  if (loaded.error && !value) return <ErrorNotice intent="info" title="No orientations yet." message={loaded.error} onRetry={loaded.retry} />;
  if (!value) return <Spinner label="Loading the orientations…" />;
  const waiting = value.people.filter((p) => p.needsAcknowledgement);

  const remind = async (): Promise<void> => {
    setProblem(undefined);
    try {
      const { reminder } = await call(remindOrientation, { token, params: { cohortId } });
      setNote(`Reminder sent to ${reminder.total} ${reminder.total === 1 ? 'person' : 'people'}.`);
      reload();
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  return (
    <section className={card.card} aria-labelledby="orientation-heading" data-testid="orientation">
      <Subtitle2 as="h2" id="orientation-heading" className={card.heading}>
        Orientation
      </Subtitle2>
      <div className={styles.row}>
        {(['mentor', 'executive'] as const).map((role) => (
          <Body1 key={role}>
            {ROLE_WORDS[role]}: {value.counts[role].acknowledged} of {value.counts[role].total} have read theirs
          </Body1>
        ))}
      </div>
      {problem ? <ErrorNotice title="That did not work." message={problem} /> : null}
      {note ? <Caption1 role="status">{note}</Caption1> : null}
      {waiting.length > 0 ? (
        <>
          <Caption1>Not read yet:</Caption1>
          <ul className={styles.names} aria-label="Not read yet">
            {waiting.map((p) => (
              <li key={p.personId}>
                {p.name} ({p.role === 'mentor' ? 'mentor' : 'executive'})
              </li>
            ))}
          </ul>
          <Button className={card.heading} onClick={() => void remind()}>
            Remind {waiting.length} {waiting.length === 1 ? 'person' : 'people'}
          </Button>
        </>
      ) : null}
      <SessionsForm value={value} cohortId={cohortId} token={token} onSaved={reload} />
      {(['mentor', 'executive'] as const).map((role) => (
        <TextEditor key={`${role}-${value.texts[role].version}`} value={value} role={role} cohortId={cohortId} token={token} onSaved={reload} />
      ))}
    </section>
  );
}

function SessionsForm({ value, cohortId, token, onSaved }: { value: CohortOrientation; cohortId: string; token: TokenSource; onSaved(): void }): ReactElement {
  const [drafts, setDrafts] = useState<Record<OrientationRole, EventDraft>>({ mentor: eventDraft(value.sessions.mentor), executive: eventDraft(value.sessions.executive) });
  const [problem, setProblem] = useState<string>();
  const save = async (): Promise<void> => {
    setProblem(undefined);
    const session = (role: OrientationRole) => (drafts[role].date === '' ? null : eventInput(drafts[role]));
    try {
      await call(updateOrientationSessions, { token, params: { cohortId }, ifMatch: value.sessionsEtag, body: { mentor: session('mentor'), executive: session('executive') } });
      onSaved();
    } catch (error) {
      setProblem(messageOf(error));
    }
  };
  return (
    <div>
      <Subtitle2 as="h3">Sessions (before {value.yearStartsOn})</Subtitle2>
      {(['mentor', 'executive'] as const).map((role) => (
        <EventFields key={role} label={`${ROLE_WORDS[role]}' session`} value={drafts[role]} onChange={(next) => setDrafts({ ...drafts, [role]: next })} />
      ))}
      {problem ? <ErrorNotice title="The sessions were not saved." message={problem} /> : null}
      <Button appearance="primary" onClick={() => void save()}>
        Save sessions
      </Button>
    </div>
  );
}

function TextEditor({
  value,
  role,
  cohortId,
  token,
  onSaved,
}: {
  value: CohortOrientation;
  role: OrientationRole;
  cohortId: string;
  token: TokenSource;
  onSaved(): void;
}): ReactElement {
  const [editing, setEditing] = useState(false);
  const [material, setMaterial] = useState(false);
  const text = value.texts[role];
  return (
    <div aria-label={`${ROLE_WORDS[role]}' orientation`} role="group">
      <Subtitle2 as="h3">
        {text.title} (version {text.version})
      </Subtitle2>
      {editing ? (
        <>
          <Checkbox checked={material} onChange={(_, data) => setMaterial(data.checked === true)} label="This changes what people agree to: ask everyone to read it again" />
          <EntryEditor
            titleLabel="Title"
            textLabel="Text"
            titleMax={100}
            textMax={6000}
            initial={{ title: text.title, text: text.body }}
            onCancel={() => setEditing(false)}
            onSave={async (draft) => {
              await call(updateOrientationText, { token, params: { cohortId, role }, ifMatch: text.etag, body: { title: draft.title, body: draft.text, material } });
              onSaved();
            }}
          />
        </>
      ) : (
        <>
          <Markdown source={text.body} />
          <Button onClick={() => setEditing(true)}>Edit the {role === 'mentor' ? 'mentor' : 'mentee'} orientation</Button>
        </>
      )}
    </div>
  );
}
