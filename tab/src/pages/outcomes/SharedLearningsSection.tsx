import type { ReactElement } from 'react';
import { Body1, Button, Caption1, Subtitle2 } from '@fluentui/react-components';
import { getLearningSending, getSharedLearnings, setLearningPublished, type SharedLearning } from '../../../../bot/program/learnings/api';
import { call, type TokenSource } from '../../api';
import { useLoaded } from '../people/useLoaded';
import { day } from './describeOutcomes';
import { useOutcomesStyles } from './outcomesStyles';
import { SendLearningsPanel } from './SendLearningsPanel';
import { SubmitOutcome, useSubmit } from './useSubmit';

/** The entries executives agreed to share, for the taskforce to publish to the cohort (or take back) and send in chat. */
export function SharedLearningsSection({ cohortId, token }: { cohortId: string; token: TokenSource }): ReactElement {
  const styles = useOutcomesStyles();
  const shared = useLoaded(`outcomes/learnings/${cohortId}`, async (signal) => (await call(getSharedLearnings, { params: { cohortId }, token, signal })).entries);
  const sending = useLoaded(`outcomes/learnings-sending/${cohortId}`, (signal) => call(getLearningSending, { params: { cohortId }, token, signal }));
  const reload = () => {
    shared.retry();
    sending.retry();
  };
  const submit = useSubmit(reload);
  // A stale version (someone else published it meanwhile) reloads too, so the list shows what is stored.
  const publish = (entry: SharedLearning, published: boolean) =>
    submit.run(() =>
      call(setLearningPublished, { params: { cohortId, entryId: entry.entryId }, body: { published }, ifMatch: entry.etag, token }).catch((error: unknown) => {
        shared.retry();
        throw error;
      }),
    );
  return (
    <section className={styles.card} aria-labelledby="shared-learnings">
      <div>
        <Subtitle2 as="h2" id="shared-learnings" className={styles.heading}>
          You said, we did
        </Subtitle2>
        <Caption1 className={styles.intro}>
          What executives learned from their mentors and changed, shared with you by their choice. Publish an entry to show it to the cohort on My mentoring, then send the
          published entries to the cohort in chat.
        </Caption1>
      </div>
      <SubmitOutcome submit={submit} />
      {!shared.value || shared.value.length === 0 ? (
        <Body1>{shared.error ?? 'No executive has shared an entry yet.'}</Body1>
      ) : (
        <ul className={styles.list}>
          {shared.value.map((entry) => (
            <li key={entry.entryId}>
              <Body1>
                {entry.executiveName}: {entry.learned}
              </Body1>
              {entry.changed ? <Body1 as="p">Changed: {entry.changed}</Body1> : null}
              <Caption1 className={styles.muted}>
                {day(entry.createdAt)} · {entry.published ? 'published' : 'not published'}
              </Caption1>{' '}
              <Button size="small" appearance={entry.published ? 'subtle' : 'primary'} disabled={submit.busy} onClick={() => void publish(entry, !entry.published)}>
                {entry.published ? 'Unpublish' : 'Publish to the cohort'}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {sending.value ? <SendLearningsPanel cohortId={cohortId} sending={sending.value} token={token} onSent={sending.retry} /> : null}
    </section>
  );
}
