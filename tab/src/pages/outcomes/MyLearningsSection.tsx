import { useState, type ReactElement } from 'react';
import { Body1, Button, Caption1, Checkbox, Field, Subtitle2, Textarea } from '@fluentui/react-components';
import { addMyLearning, getMyLearnings, getPublishedLearnings, LEARNING_TEXT, updateMyLearning, type MyLearning } from '../../../../bot/program/learnings/api';
import { call, type TokenSource } from '../../api';
import { useLoaded } from '../people/useLoaded';
import { day } from './describeOutcomes';
import { useOutcomesStyles } from './outcomesStyles';
import { SubmitOutcome, useSubmit } from './useSubmit';

/**
 * "You said, we did" on My mentoring: a paired executive logs what they learned and changed (kept to themselves unless
 * they agree to share it), and every participant reads what the taskforce published for their cohort.
 */
export function MyLearningsSection({ meId, pairedCohorts, token }: { meId: string; pairedCohorts: readonly string[]; token: TokenSource }): ReactElement | null {
  const mine = useLoaded(`me/learnings/${meId}`, (signal) => call(getMyLearnings, { token, signal }));
  return (
    <>
      {mine.value && mine.value.cohorts.length > 0 ? (
        <ExecutiveLog cohortId={mine.value.cohorts[0].cohortId} entries={mine.value.entries} token={token} onChanged={mine.retry} />
      ) : null}
      {pairedCohorts.map((cohortId) => (
        <PublishedForCohort key={cohortId} cohortId={cohortId} token={token} />
      ))}
    </>
  );
}

function ExecutiveLog({ cohortId, entries, token, onChanged }: { cohortId: string; entries: readonly MyLearning[]; token: TokenSource; onChanged(): void }): ReactElement {
  const styles = useOutcomesStyles();
  const [draft, setDraft] = useState({ learned: '', changed: '', shareConsent: false });
  const submit = useSubmit(onChanged);
  const add = () =>
    submit.run(async () => {
      await call(addMyLearning, { body: { cohortId, ...draft }, token });
      setDraft({ learned: '', changed: '', shareConsent: false });
    });
  const setConsent = (entry: MyLearning, shareConsent: boolean) =>
    submit.run(() =>
      call(updateMyLearning, {
        params: { cohortId: entry.cohortId, entryId: entry.entryId },
        body: { learned: entry.learned, changed: entry.changed, shareConsent },
        ifMatch: entry.etag,
        token,
      }),
    );
  return (
    <section className={styles.card} aria-labelledby="my-learnings" data-testid="my-learnings">
      <div>
        <Subtitle2 as="h2" id="my-learnings" className={styles.heading}>
          What I learned, what I changed
        </Subtitle2>
        <Caption1 className={styles.intro}>
          A note for yourself after a meeting. It stays yours unless you agree that the taskforce may share it, with your name, with your cohort.
        </Caption1>
      </div>
      <Field label={LEARNING_TEXT.learned.label} required>
        <Textarea value={draft.learned} maxLength={LEARNING_TEXT.learned.max} onChange={(_, data) => setDraft({ ...draft, learned: data.value })} />
      </Field>
      <Field label={LEARNING_TEXT.changed.label}>
        <Textarea value={draft.changed} maxLength={LEARNING_TEXT.changed.max} onChange={(_, data) => setDraft({ ...draft, changed: data.value })} />
      </Field>
      <Checkbox
        checked={draft.shareConsent}
        onChange={(_, data) => setDraft({ ...draft, shareConsent: data.checked === true })}
        label="The taskforce may share this with my cohort, with my name"
      />
      <SubmitOutcome submit={submit} />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={submit.busy || draft.learned.trim() === ''} onClick={() => void add()}>
          Save the note
        </Button>
      </div>
      {entries.length > 0 ? (
        <ul className={styles.list}>
          {entries.map((entry) => (
            <li key={entry.entryId}>
              <Body1>{entry.learned}</Body1>
              {entry.changed ? <Body1 as="p">Changed: {entry.changed}</Body1> : null}
              <Caption1 className={styles.muted}>
                {day(entry.createdAt)} · {entry.published ? 'published to your cohort' : entry.shareConsent ? 'shared with the taskforce' : 'only you can see this'}
              </Caption1>{' '}
              <Button size="small" appearance="subtle" disabled={submit.busy} onClick={() => void setConsent(entry, !entry.shareConsent)}>
                {entry.shareConsent ? 'Stop sharing' : 'Share with the taskforce'}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function PublishedForCohort({ cohortId, token }: { cohortId: string; token: TokenSource }): ReactElement | null {
  const styles = useOutcomesStyles();
  const published = useLoaded(`cohort/you-said-we-did/${cohortId}`, async (signal) => (await call(getPublishedLearnings, { params: { cohortId }, token, signal })).entries);
  if (!published.value || published.value.length === 0) return null;
  return (
    <section className={styles.card} aria-labelledby={`you-said-${cohortId}`} data-testid="you-said-we-did">
      <Subtitle2 as="h2" id={`you-said-${cohortId}`} className={styles.heading}>
        You said, we did
      </Subtitle2>
      <ul className={styles.list}>
        {published.value.map((entry) => (
          <li key={entry.entryId}>
            <Body1>
              {entry.executiveName} learned: {entry.learned}
            </Body1>
            {entry.changed ? <Body1 as="p">And changed: {entry.changed}</Body1> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
