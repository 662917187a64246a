import type { FaqEntry } from './handbookFaqs';
import { documentText, parseMarkdown } from '../text/markdownSafe';

/**
 * `faq <words>`: the FAQ entries that best answer a few words. Pure: no SDK, no I/O.
 *
 * Words are lower-cased, stripped of stop words, lightly stemmed (cancels/cancelled -> cancel, meetings -> meet) and
 * mapped onto a few domain synonyms. Entries are ranked with BM25 over the question and the answer, a question word
 * counting double. "boss" may mean the person's own manager or the executive, so it looks for both; "manager" and
 * "executive" stay apart, since in this program they are different people.
 *
 * Scores are normalised to 0..1: the share of the best score the query's known words could reach, times the square
 * root of the share of its words the handbook uses at all. So one threshold works for any handbook: below it the
 * answer is "no good match" rather than a poor guess.
 */
export interface FaqHit {
  entry: FaqEntry;
  /** 0..1, rounded to two decimals. */
  score: number;
}

export interface FaqResult {
  matches: FaqHit[];
  noGoodMatch: boolean;
}

export const FAQ_SEARCH = { limit: 3, threshold: 0.2, questionBoost: 2, k1: 1.2, b: 0.75, maxQueryChars: 200 } as const;

const STOP_WORDS = new Set(
  'a an and are am as at be been being but by can could did do does doing dont for from get gets got had has have how i if im in into is it its ive many me much my of on or our ours should so than that the their them then there these they this those to too up us was we were what when where which who why will with would you your yours'.split(
    ' ',
  ),
);

/** Each word (after stemming) and the canonical terms it stands for. */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  met: ['meet'],
  meet: ['meet'],
  session: ['meet'],
  shadow: ['shadow'],
  visit: ['shadow'],
  boss: ['manager', 'executive'],
  supervisor: ['manager'],
  exec: ['executive'],
  mentee: ['executive'],
  leader: ['executive'],
  online: ['virtual'],
  remote: ['virtual'],
  team: ['virtual'],
  video: ['virtual'],
  call: ['virtual'],
  cancelled: ['cancel'],
  postpone: ['cancel'],
  reschedule: ['cancel'],
  rebook: ['cancel'],
  confidential: ['confidential'],
  confidentiality: ['confidential'],
  private: ['confidential'],
  privacy: ['confidential'],
  secret: ['confidential'],
  coworker: ['colleague'],
  teammate: ['colleague'],
  peer: ['colleague'],
  clash: ['along'],
  chemistry: ['along'],
  leave: ['pause'],
  holiday: ['pause'],
  vacation: ['pause'],
  travel: ['pause'],
  travelled: ['pause'],
  sick: ['pause'],
  said: ['say'],
  told: ['tell'],
  hour: ['time'],
  long: ['time'],
  commitment: ['time'],
};

/** A light English stemmer: enough to meet "cancels", "meetings", "shadowing", "planned" and "leaving" halfway. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  const before = w;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  // A doubled final consonant left by a removed ending ("getting", "planned"); not s, l, f or z ("missed", "called").
  if (w !== before && /([b-df-hj-kmnp-rtv-y])\1$/.test(w)) w = w.slice(0, -1);
  // A final e goes too, so "leave" meets "leaving" and "schedule" meets "scheduled".
  else if (w === before && w.length > 4 && w.endsWith('e') && !w.endsWith('ee')) w = w.slice(0, -1);
  return w;
}

/** The synonyms keyed and valued by stems, so every form of a word finds them. */
const STEMMED_SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(SYNONYMS).map(([word, canonical]) => [stem(word), canonical.map(stem)]));

/** The terms of a text, each word giving one or more alternatives (synonyms). */
export function termsOf(text: string): string[][] {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !STOP_WORDS.has(w));
  return words.map((w) => {
    const s = stem(w);
    return [...(STEMMED_SYNONYMS.get(s) ?? [s])];
  });
}

interface IndexedEntry {
  entry: FaqEntry;
  tf: Map<string, number>;
  length: number;
}

export interface FaqIndex {
  entries: IndexedEntry[];
  df: Map<string, number>;
  averageLength: number;
}

export function buildFaqIndex(entries: readonly FaqEntry[]): FaqIndex {
  const indexed = entries.map((entry) => {
    const tf = new Map<string, number>();
    const add = (terms: string[][], weight: number): number => {
      for (const alternatives of terms) for (const t of alternatives) tf.set(t, (tf.get(t) ?? 0) + weight);
      return terms.length * weight;
    };
    const length = add(termsOf(entry.question), FAQ_SEARCH.questionBoost) + add(termsOf(documentText(parseMarkdown(entry.answer))), 1);
    return { entry, tf, length };
  });
  const df = new Map<string, number>();
  for (const e of indexed) for (const t of e.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const averageLength = indexed.reduce((sum, e) => sum + e.length, 0) / Math.max(1, indexed.length);
  return { entries: indexed, df, averageLength };
}

function idf(index: FaqIndex, term: string): number {
  const n = index.entries.length;
  const df = index.df.get(term) ?? 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** The best entries for a query, at most `limit`, each above the threshold. */
export function searchFaq(index: FaqIndex, query: string, options: { limit?: number; threshold?: number } = {}): FaqResult {
  const { k1, b } = FAQ_SEARCH;
  const seen = new Set<string>();
  const terms = termsOf(query.slice(0, FAQ_SEARCH.maxQueryChars)).filter((alternatives) => {
    const key = alternatives.join('|');
    return !seen.has(key) && !!seen.add(key);
  });
  if (terms.length === 0 || index.entries.length === 0) return { matches: [], noGoodMatch: true };
  // Words the handbook never uses cannot be matched; they lower confidence without sinking a good match.
  const known = terms.filter((alternatives) => alternatives.some((t) => index.df.has(t)));
  if (known.length === 0) return { matches: [], noGoodMatch: true };
  const coverage = Math.sqrt(known.length / terms.length);
  const best = known.reduce((sum, alternatives) => sum + Math.max(...alternatives.map((t) => idf(index, t))) * (k1 + 1), 0);
  const scored = index.entries.map((e) => {
    const norm = k1 * (1 - b + (b * e.length) / index.averageLength);
    const score = known.reduce((sum, alternatives) => {
      const contributions = alternatives.map((t) => {
        const tf = e.tf.get(t) ?? 0;
        return tf === 0 ? 0 : (idf(index, t) * tf * (k1 + 1)) / (tf + norm);
      });
      return sum + Math.max(...contributions);
    }, 0);
    return { entry: e.entry, score: Math.min(1, (score / best) * coverage) };
  });
  const threshold = options.threshold ?? FAQ_SEARCH.threshold;
  const matches = scored
    .filter((s) => s.score >= threshold)
    .sort((x, y) => y.score - x.score)
    .slice(0, options.limit ?? FAQ_SEARCH.limit)
    .map((s) => ({ entry: s.entry, score: Math.round(s.score * 100) / 100 }));
  return { matches, noGoodMatch: matches.length === 0 };
}
