import { expandCard, type CardJson } from '../../cards/expandCard';
import { shownAsTyped } from '../text/plainText';
import type { HandbookSectionJson } from './api';
import { withCardMarkdown } from './cardMarkdown';
import type { FaqHit } from './faqSearch';
import faqTemplate from './cards/faqAnswers.json';
import listTemplate from './cards/handbookList.json';
import sectionTemplate from './cards/handbookSection.json';

/** The handbook in chat: its sections as buttons, one section, and the answers `faq <words>` found. */
export function handbookListCard(sections: readonly Pick<HandbookSectionJson, 'id' | 'title'>[], notice = ''): CardJson {
  return expandCard(listTemplate, { notice, sections: sections.map((s) => ({ id: s.id, title: shownAsTyped(s.title) })) });
}

export function handbookSectionCard(section: Pick<HandbookSectionJson, 'title' | 'markdown'>): CardJson {
  return withCardMarkdown(expandCard(sectionTemplate, { title: shownAsTyped(section.title) }), { sectionText: section.markdown });
}

/** What people typed is shown back cut short, as text. */
const QUERY_SHOWN = 60;

export function faqAnswersCard(query: string, hits: readonly FaqHit[]): CardJson {
  const words = [...query.trim()].slice(0, QUERY_SHOWN).join('');
  const heading = hits.length === 0 ? 'No answer found yet' : `Answers for “${shownAsTyped(words)}”`;
  const matches = hits.map((hit, i) => ({ question: shownAsTyped(hit.entry.question), answerId: `answer${i}` }));
  const card = expandCard(faqTemplate, {
    heading,
    matches,
    noMatch: words === '' ? 'Type faq and a few words about your question, for example: faq cancel.' : 'I found no good answer to that. Try other words, or read the handbook.',
  });
  return withCardMarkdown(card, Object.fromEntries(hits.map((hit, i) => [`answer${i}`, hit.entry.answer])));
}
