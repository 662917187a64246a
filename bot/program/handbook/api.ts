import { z } from 'zod';
import { endpoint, returns } from '../../contract/endpoint';
import { fields, text } from '../../contract/fields';

/** The handbook's wire contract (SDK-free; the tab compiles it). Everyone reads; the taskforce edits. */

export const HANDBOOK_LIMITS = { sectionTitle: 100, sectionMarkdown: 8000, question: 200, answer: 2000, faqs: 100 } as const;

export interface HandbookSectionJson {
  id: string;
  title: string;
  /** Safe markdown (bot/contract/markdown.ts): render with `parseMarkdown`, never as HTML. */
  markdown: string;
  /** Written from the agenda templates, so it is edited there and not here. */
  generated: boolean;
  /** Sent back as `If-Match` by an edit. */
  etag: string;
}

export interface HandbookFaqJson {
  id: string;
  question: string;
  /** Safe markdown. */
  answer: string;
  etag: string;
}

export interface HandbookJson {
  sections: HandbookSectionJson[];
  faqs: HandbookFaqJson[];
  /** Whether the caller may edit (the taskforce). */
  canEdit: boolean;
}

/** Markdown is checked by the service with the handbook's own rules (markdownProblems), which name every problem. */
const markdown = (message: string) => z.string({ required_error: message, invalid_type_error: message });

export const sectionFields = fields({
  title: text('The section title', HANDBOOK_LIMITS.sectionTitle),
  markdown: markdown('Please write the section as text.'),
});

export const faqFields = fields({
  question: text('The question', HANDBOOK_LIMITS.question),
  answer: markdown('Please write the answer as text.'),
});

export type SectionInput = z.input<typeof sectionFields>;
export type FaqInput = z.input<typeof faqFields>;

export const getHandbook = endpoint({ method: 'get', path: '/api/handbook', response: returns<HandbookJson>() });

export const updateHandbookSection = endpoint({
  method: 'put',
  path: '/api/handbook/sections/:sectionId',
  body: sectionFields,
  ifMatch: true,
  response: returns<HandbookSectionJson>(),
});

/** Answers 201 with the new entry, added at the end. */
export const createHandbookFaq = endpoint({ method: 'post', path: '/api/handbook/faqs', body: faqFields, response: returns<HandbookFaqJson>() });

export const updateHandbookFaq = endpoint({ method: 'put', path: '/api/handbook/faqs/:faqId', body: faqFields, ifMatch: true, response: returns<HandbookFaqJson>() });

export const deleteHandbookFaq = endpoint({ method: 'del', path: '/api/handbook/faqs/:faqId', ifMatch: true, response: returns<{ deleted: string }>() });
