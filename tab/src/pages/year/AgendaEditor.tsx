import { useEffect, useState, type ReactElement } from 'react';
import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, Spinner, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { getAgendas, saveAgendas, type AgendaSetJson, type AgendaTemplateJson } from '../../../../bot/program/year/api';
import { call, isApiError, messageOf, type TokenSource } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useCardStyles } from '../cohorts/cohortStyles';
import { useLoaded } from '../people/useLoaded';

const useStyles = makeStyles({
  agenda: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalM },
});

/** An agenda as the form holds it: lists as one line per item. */
interface Draft {
  id: string;
  meeting: number;
  title: string;
  purpose: string;
  mentorQuestions: string;
  executiveQuestions: string;
  checklist: string;
  checklistIds: string[];
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

function toDraft(t: AgendaTemplateJson): Draft {
  return {
    id: t.id,
    meeting: t.meeting,
    title: t.title,
    purpose: t.purpose,
    mentorQuestions: t.mentorQuestions.join('\n'),
    executiveQuestions: t.executiveQuestions.join('\n'),
    checklist: t.checklist.map((c) => c.text).join('\n'),
    checklistIds: t.checklist.map((c) => c.id),
  };
}

function fromDraft(d: Draft) {
  return {
    id: d.id,
    title: d.title,
    purpose: d.purpose,
    mentorQuestions: lines(d.mentorQuestions),
    executiveQuestions: lines(d.executiveQuestions),
    // Items keep their ids by position, so a ticked item stays ticked after an edit of its words.
    checklist: lines(d.checklist).map((text, i) => (d.checklistIds[i] ? { id: d.checklistIds[i], text } : { text })),
  };
}

/** The cohort's four agenda templates, edited all at once with the version read (someone else's save is never overwritten). */
export function AgendaEditor({ token, cohortId }: { token: TokenSource; cohortId: string }): ReactElement | null {
  const card = useCardStyles();
  const styles = useStyles();
  const [reload, setReload] = useState(0);
  const loaded = useLoaded(`year/agendas/${cohortId}/${reload}`, (signal) => call(getAgendas, { params: { cohortId }, token, signal }));
  const [current, setCurrent] = useState<AgendaSetJson | undefined>();
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | undefined>();
  useEffect(() => {
    if (!loaded.value) return;
    setCurrent(loaded.value);
    setDrafts(loaded.value.templates.map(toDraft));
  }, [loaded.value]);

  if (!current) {
    if (loaded.error?.includes('starts when its pairs are confirmed')) return null;
    return loaded.error ? <ErrorNotice title="The agendas could not be loaded." message={loaded.error} onRetry={loaded.retry} /> : <Spinner label="Loading the agendas…" />;
  }
  const edit = (index: number, patch: Partial<Draft>): void => setDrafts((all) => all.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const save = (): void => {
    setSaving(true);
    setMessage(undefined);
    call(saveAgendas, { params: { cohortId }, body: { templates: drafts.map(fromDraft) }, ifMatch: current.etag, token })
      .then((saved) => {
        setCurrent(saved);
        setDrafts(saved.templates.map(toDraft));
        setMessage({ intent: 'success', text: `Saved (version ${saved.version}). Cards show the new agendas from now on.` });
      })
      .catch((error: unknown) => {
        const stale = isApiError(error, 'Conflict');
        setMessage({ intent: 'error', text: stale ? 'Someone saved the agendas while you were editing. Reload to see their changes, then edit again.' : messageOf(error) });
      })
      .finally(() => setSaving(false));
  };
  return (
    <section className={card.card} aria-labelledby="year-agendas" data-testid="year-agendas">
      <div>
        <Subtitle2 as="h2" id="year-agendas" className={card.heading}>
          Agendas
        </Subtitle2>
        <Caption1 className={card.intro}>Version {current.version}. One question per line. Agenda 2 is the shadowing visit and keeps its checklist.</Caption1>
      </div>
      {drafts.map((d, i) => (
        <div key={d.id} className={styles.agenda}>
          <Field label={`Agenda ${d.meeting}: title`}>
            <Input value={d.title} onChange={(_, data) => edit(i, { title: data.value })} />
          </Field>
          <Field label={`Agenda ${d.meeting}: purpose`}>
            <Textarea value={d.purpose} onChange={(_, data) => edit(i, { purpose: data.value })} />
          </Field>
          <Field label={`Agenda ${d.meeting}: the mentor’s questions`}>
            <Textarea rows={4} value={d.mentorQuestions} onChange={(_, data) => edit(i, { mentorQuestions: data.value })} />
          </Field>
          <Field label={`Agenda ${d.meeting}: the executive’s questions`}>
            <Textarea rows={4} value={d.executiveQuestions} onChange={(_, data) => edit(i, { executiveQuestions: data.value })} />
          </Field>
          {d.meeting === 2 ? (
            <Field label="Agenda 2: the visit checklist">
              <Textarea rows={4} value={d.checklist} onChange={(_, data) => edit(i, { checklist: data.value })} />
            </Field>
          ) : null}
        </div>
      ))}
      {message ? (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div>
        <Button appearance="primary" disabled={saving} onClick={save}>
          Save the agendas
        </Button>{' '}
        <Button onClick={() => setReload((n) => n + 1)}>Reload</Button>
      </div>
    </section>
  );
}
