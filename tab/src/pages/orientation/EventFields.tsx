import type { ReactElement } from 'react';
import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))', gap: tokens.spacingHorizontalM },
});

/** A group session as the taskforce types it (an orientation session, the ice breaker); the service checks it. */
export interface EventDraft {
  date: string;
  time: string;
  duration: string;
  place: string;
  link: string;
}

export const EMPTY_EVENT: EventDraft = { date: '', time: '', duration: '60', place: '', link: '' };

export function eventDraft(event: { date: string; time: string; durationMinutes: number; place: string; link: string } | null): EventDraft {
  return event ? { date: event.date, time: event.time, duration: String(event.durationMinutes), place: event.place, link: event.link } : EMPTY_EVENT;
}

/** The draft as the API takes it. */
export function eventInput(draft: EventDraft): { date: string; time: string; duration: string; place: string; link: string } {
  return { date: draft.date, time: draft.time, duration: draft.duration, place: draft.place.trim(), link: draft.link.trim() };
}

export function EventFields({ label, value, onChange }: { label: string; value: EventDraft; onChange(next: EventDraft): void }): ReactElement {
  const styles = useStyles();
  const set = (key: keyof EventDraft) => (_: unknown, data: { value: string }) => onChange({ ...value, [key]: data.value });
  return (
    <fieldset className={styles.grid} aria-label={label}>
      <Field label="Date">
        <Input type="date" value={value.date} onChange={set('date')} />
      </Field>
      <Field label="Start time">
        <Input type="time" value={value.time} onChange={set('time')} />
      </Field>
      <Field label="Minutes">
        <Input type="number" min={15} max={240} value={value.duration} onChange={set('duration')} />
      </Field>
      <Field label="Place">
        <Input value={value.place} maxLength={200} onChange={set('place')} />
      </Field>
      <Field label="Meeting link (https)">
        <Input type="url" value={value.link} maxLength={2000} onChange={set('link')} />
      </Field>
    </fieldset>
  );
}
