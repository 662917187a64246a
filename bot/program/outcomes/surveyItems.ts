import { checkText } from '../text/plainText';

/**
 * What the pre and post surveys ask, and the rules for the taskforce's edits. Pure: no SDK, no I/O.
 *
 * Items have stable ids: an edit keeps the id of every item it sends back with its id, and a new item gets the next
 * free "q<n>". Answers are stored by item id, so pre and post answers to the same id are the same question. Once the pre
 * survey has opened the items are locked: no item may be added, removed or reworded, or "after" would no longer answer
 * the question "before" asked.
 */
export type SurveyRole = 'executive' | 'mentor';
export const SURVEY_ROLES: readonly SurveyRole[] = ['executive', 'mentor'];

export interface SurveyItem {
  id: string;
  /** A statement to agree or disagree with. */
  text: string;
  /** Who is asked. */
  roles: SurveyRole[];
}

export type Score = 1 | 2 | 3 | 4 | 5;

/** The 5-point agreement scale, labelled on every point (people answer on a phone and should not guess what 4 means). */
export const AGREEMENT_SCALE: readonly { value: Score; label: string }[] = [
  { value: 1, label: 'Strongly disagree' },
  { value: 2, label: 'Disagree' },
  { value: 3, label: 'Neither agree nor disagree' },
  { value: 4, label: 'Agree' },
  { value: 5, label: 'Strongly agree' },
];

/** The seed's four items and the two institution-wide survey questions, asked of both roles. */
export const DEFAULT_SURVEY_ITEMS: readonly SurveyItem[] = [
  { id: 'employeePulse', text: 'I feel connected to the employee pulse.', roles: ['executive'] },
  { id: 'employeeChallenges', text: 'I am aware of the major challenges employees face.', roles: ['executive'] },
  { id: 'feelValued', text: 'I feel valued.', roles: ['mentor'] },
  { id: 'leadersInspire', text: 'My leaders inspire high performance through their leadership.', roles: ['mentor'] },
  { id: 'mentoringValued', text: 'Mentoring is valued and encouraged here.', roles: ['executive', 'mentor'] },
  { id: 'leadersAware', text: 'Executive leaders are aware of the major challenges employees face.', roles: ['executive', 'mentor'] },
];

/** A card shows one role's items at once: the limits keep it short enough to answer on a phone between shifts. */
export const SURVEY_LIMITS = { items: 20, itemsPerRole: 12, minText: 8, text: 200 } as const;

export class SurveyItemsInputError extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
    this.name = 'SurveyItemsInputError';
  }
}

export function itemsFor(role: SurveyRole, items: readonly SurveyItem[]): SurveyItem[] {
  return items.filter((item) => item.roles.includes(role));
}

/** A score from a card or form (a ChoiceSet sends "4"), or undefined when it is not a point on the scale. */
export function readScore(raw: unknown): Score | undefined {
  const value = typeof raw === 'string' && /^[1-5]$/.test(raw.trim()) ? Number(raw.trim()) : raw;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5 ? (value as Score) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readRoles(raw: unknown): SurveyRole[] {
  const roles = Array.isArray(raw) ? raw : [];
  const valid = SURVEY_ROLES.filter((role) => roles.includes(role));
  if (valid.length === 0 || valid.length !== roles.length) throw new SurveyItemsInputError('Each question must be asked of executives, mentors or both.');
  return valid;
}

function nextFreeNumber(known: Iterable<string>): number {
  let next = 1;
  for (const id of known) {
    const match = /^q(\d+)$/.exec(id);
    if (match) next = Math.max(next, Number(match[1]) + 1);
  }
  return next;
}

function sameItems(a: readonly SurveyItem[], b: readonly SurveyItem[]): boolean {
  const key = (items: readonly SurveyItem[]) =>
    items
      .map((i) => `${i.id}\u0000${i.text}\u0000${i.roles.join(',')}`)
      .sort()
      .join('\u0001');
  return key(a) === key(b);
}

/**
 * Reads the taskforce's item list. `current` is the list being edited (the defaults when there is none); `locked` is
 * true once the pre survey has opened.
 */
export function readSurveyItems(raw: unknown, current: readonly SurveyItem[] = DEFAULT_SURVEY_ITEMS, locked = false): SurveyItem[] {
  if (!Array.isArray(raw) || raw.length === 0) throw new SurveyItemsInputError('List at least one question.');
  if (raw.length > SURVEY_LIMITS.items) throw new SurveyItemsInputError(`A survey can have at most ${SURVEY_LIMITS.items} questions.`);
  const known = new Set([...current, ...DEFAULT_SURVEY_ITEMS].map((item) => item.id));
  let next = nextFreeNumber(known);
  const seenIds = new Set<string>();
  const seenTexts = new Set<string>();
  const items = raw.map((entry): SurveyItem => {
    if (!isRecord(entry)) throw new SurveyItemsInputError('Each question needs its statement and who is asked.');
    const check = checkText(entry.text, { label: 'A question', max: SURVEY_LIMITS.text, required: true });
    if (!check.ok) throw new SurveyItemsInputError(check.error);
    const text = check.value.replace(/\s+/g, ' ');
    if ([...text].length < SURVEY_LIMITS.minText) throw new SurveyItemsInputError(`"${text}" is too short to be a statement people can agree or disagree with.`);
    let id: string;
    if (entry.id === undefined || entry.id === null || entry.id === '') id = `q${next++}`;
    else if (typeof entry.id === 'string' && known.has(entry.id)) id = entry.id;
    else throw new SurveyItemsInputError('The list names a question this survey does not have. Reload and try again.');
    if (seenIds.has(id)) throw new SurveyItemsInputError('The list names the same question twice.');
    seenIds.add(id);
    const textKey = text.toLowerCase();
    if (seenTexts.has(textKey)) throw new SurveyItemsInputError(`Two questions say the same thing: "${text}".`);
    seenTexts.add(textKey);
    return { id, text, roles: readRoles(entry.roles) };
  });
  for (const role of SURVEY_ROLES) {
    const count = itemsFor(role, items).length;
    const who = role === 'executive' ? 'executives' : 'mentors';
    if (count === 0) throw new SurveyItemsInputError(`Ask ${who} at least one question.`);
    if (count > SURVEY_LIMITS.itemsPerRole) throw new SurveyItemsInputError(`Ask ${who} at most ${SURVEY_LIMITS.itemsPerRole} questions.`);
  }
  if (locked && !sameItems(items, current)) {
    throw new SurveyItemsInputError('The pre survey has opened, so its questions can no longer change: the post survey must ask the same ones.');
  }
  return items;
}
