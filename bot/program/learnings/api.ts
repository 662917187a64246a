import type { BatchStatus } from '../../contract/batch';
import { endpoint, returns } from '../../contract/endpoint';
import { fields, id, optionalText, text, yesNo } from '../../contract/fields';

/**
 * "You said, we did" (SDK-free contract; the tab compiles it): executives log what they learned from their mentor and
 * what they changed because of it. An entry stays the executive's own unless they agree to share it; the taskforce sees
 * only shared entries and may publish them to the cohort, then send the published ones to the cohort in chat (one card,
 * each entry once). Withdrawing consent unpublishes at once (a card already sent stays in the chat).
 */
export const LEARNING_TEXT = { learned: { label: 'What you learned', max: 1000 }, changed: { label: 'What you changed', max: 1000 } } as const;

export interface MyLearning {
  cohortId: string;
  entryId: string;
  learned: string;
  changed: string;
  /** The executive agrees that the taskforce may publish the entry, with their name, to the cohort. */
  shareConsent: boolean;
  published: boolean;
  createdAt: string;
  updatedAt: string;
  etag: string;
}

/** A shared entry as the taskforce sees it. */
export interface SharedLearning extends MyLearning {
  executiveName: string;
  publishedAt: string | null;
}

/** A published entry as the cohort sees it. */
export interface PublishedLearning {
  entryId: string;
  executiveName: string;
  learned: string;
  changed: string;
  publishedAt: string;
}

export interface MyLearnings {
  /** The cohorts the caller is a paired executive in (where they can log entries). */
  cohorts: { cohortId: string; cohortName: string }[];
  entries: MyLearning[];
}

const entryBody = {
  learned: text(LEARNING_TEXT.learned.label, LEARNING_TEXT.learned.max),
  changed: optionalText(LEARNING_TEXT.changed.label, LEARNING_TEXT.changed.max),
  shareConsent: yesNo('Say whether the taskforce may share this entry with the cohort (true or false).'),
};

/** The caller's own entries, newest first. Anyone signed in (empty unless a paired executive). */
export const getMyLearnings = endpoint({ method: 'get', path: '/api/me/learnings', response: returns<MyLearnings>() });

/** A new entry, for a cohort the caller is a paired executive in (403 otherwise). */
export const addMyLearning = endpoint({
  method: 'post',
  path: '/api/me/learnings',
  body: fields({ cohortId: id('Choose the cohort.'), ...entryBody }),
  response: returns<{ entry: MyLearning }>(),
});

/** Changes the caller's entry; consent withdrawn unpublishes it. */
export const updateMyLearning = endpoint({
  method: 'put',
  path: '/api/me/learnings/:cohortId/:entryId',
  body: fields(entryBody),
  ifMatch: true,
  response: returns<{ entry: MyLearning }>(),
});

/** Entries shared with the taskforce, newest first. Taskforce. */
export const getSharedLearnings = endpoint({ method: 'get', path: '/api/cohorts/:cohortId/learnings', response: returns<{ entries: SharedLearning[] }>() });

/** Publishes an entry to the cohort, or takes it back (409 when the executive has not agreed to share it). Taskforce. */
export const setLearningPublished = endpoint({
  method: 'put',
  path: '/api/cohorts/:cohortId/learnings/:entryId/publication',
  body: fields({ published: yesNo('Say whether the entry is published (true or false).') }),
  ifMatch: true,
  response: returns<{ entry: SharedLearning }>(),
});

/** What the taskforce published for the cohort, newest first. The cohort's participants and the taskforce. */
export const getPublishedLearnings = endpoint({ method: 'get', path: '/api/cohorts/:cohortId/you-said-we-did', response: returns<{ entries: PublishedLearning[] }>() });

/** Before sending in chat: how many people the card goes to, how many published entries it would carry. */
export interface LearningSendingJson {
  /** Everyone in a confirmed pair of the cohort. */
  recipients: number;
  /** Published (with consent) and not in a card yet. */
  unsentEntries: number;
  /** The last send's progress, or null before the first. */
  last: BatchStatus | null;
}

/** What a send would do, and how the last one went. Taskforce. */
export const getLearningSending = endpoint({ method: 'get', path: '/api/cohorts/:cohortId/you-said-we-did/sending', response: returns<LearningSendingJson>() });

/**
 * Sends the cohort's participants one "You said, we did" card with the published entries not sent before (409 when there
 * is none). Sending the same entries again sends nothing. Taskforce.
 */
export const sendPublishedLearnings = endpoint({
  method: 'post',
  path: '/api/cohorts/:cohortId/you-said-we-did/send',
  response: returns<{ sending: BatchStatus; entries: number }>(),
});
