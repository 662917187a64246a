import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors';
import { ConflictError } from '../../storage/storageErrors';
import type { FaqInput, HandbookFaqJson, HandbookJson, HandbookSectionJson, SectionInput } from './api';
import { HANDBOOK_LIMITS } from './api';
import { defaultHandbook } from './handbookDefaults';
import type { FaqEntry } from './handbookFaqs';
import { UNEDITED, type HandbookStore, type StoredEntry } from './handbookStore';
import { markdownProblems } from '../text/markdownSafe';

/** The section written from the agenda templates: edited with the agendas, never here. */
export const GENERATED_SECTIONS: ReadonlySet<string> = new Set(['agendas']);

const CHANGED_MEANWHILE = 'Someone else changed this part of the handbook meanwhile. Please reload it and edit again.';
const ENTRY_ID = /^[A-Za-z0-9-]{1,60}$/;

export interface Handbook {
  sections: HandbookSectionJson[];
  faqs: HandbookFaqJson[];
}

/**
 * The handbook as people read it (the shipped defaults with the taskforce's edits over them) and the taskforce's edits.
 * Every edit names the version it starts from; the markdown is checked with the handbook's safe-markdown rules.
 */
export class HandbookService {
  constructor(
    private readonly store: HandbookStore,
    private readonly clock: () => Date,
  ) {}

  async read(): Promise<Handbook> {
    const defaults = defaultHandbook();
    const [sectionRows, faqRows] = await Promise.all([this.store.list('section'), this.store.list('faq')]);
    const editedSections = new Map(sectionRows.map((row) => [row.id, row]));
    const sections = defaults.sections.map((s): HandbookSectionJson => {
      const edited = GENERATED_SECTIONS.has(s.id) ? undefined : editedSections.get(s.id);
      return { id: s.id, title: edited?.title ?? s.title, markdown: edited?.body ?? s.markdown, generated: GENERATED_SECTIONS.has(s.id), etag: edited?.etag ?? UNEDITED };
    });
    const editedFaqs = new Map(faqRows.map((row) => [row.id, row]));
    const shipped = defaults.faqs.map((f, position) => ({ faq: editedFaqs.get(f.id) ?? defaultRow(f, position), position }));
    const added = faqRows.filter((row) => !defaults.faqs.some((f) => f.id === row.id)).map((row) => ({ faq: row, position: row.position }));
    const faqs = [...shipped, ...added]
      .filter(({ faq }) => !faq.deleted)
      .sort((a, b) => a.position - b.position || a.faq.id.localeCompare(b.faq.id))
      .map(({ faq }) => ({ id: faq.id, question: faq.title, answer: faq.body, etag: faq.etag }));
    return { sections, faqs };
  }

  async json(canEdit: boolean): Promise<HandbookJson> {
    return { ...(await this.read()), canEdit };
  }

  async faqEntries(): Promise<FaqEntry[]> {
    return (await this.read()).faqs.map(({ id, question, answer }) => ({ id, question, answer }));
  }

  async editSection(sectionId: string, input: SectionInput & { title: string }, version: string, by: string): Promise<HandbookSectionJson> {
    const current = (await this.read()).sections.find((s) => s.id === sectionId);
    if (!current) throw new AppError('NotFound', 'That handbook section was not found.');
    if (current.generated) throw new AppError('Conflict', 'This section is written from the agenda templates. Edit the agendas instead.');
    checkMarkdown(input.markdown, 'The section', HANDBOOK_LIMITS.sectionMarkdown);
    const row = await this.write({ part: 'section', id: sectionId, title: input.title, body: input.markdown.trim(), position: 0, deleted: false, by }, current.etag, version);
    return { id: row.id, title: row.title, markdown: row.body, generated: false, etag: row.etag };
  }

  async addFaq(input: FaqInput & { question: string }, by: string): Promise<HandbookFaqJson> {
    checkMarkdown(input.answer, 'The answer', HANDBOOK_LIMITS.answer);
    const faqs = await this.store.list('faq');
    const live = (await this.read()).faqs;
    if (live.length >= HANDBOOK_LIMITS.faqs) throw new AppError('Conflict', `The handbook holds at most ${HANDBOOK_LIMITS.faqs} questions. Remove one before adding another.`);
    const position = Math.max(defaultHandbook().faqs.length, ...faqs.map((f) => f.position + 1));
    const row = await this.write({ part: 'faq', id: randomUUID(), title: input.question, body: input.answer.trim(), position, deleted: false, by }, UNEDITED, UNEDITED);
    return faqJson(row);
  }

  async editFaq(faqId: string, input: FaqInput & { question: string }, version: string, by: string): Promise<HandbookFaqJson> {
    const { current, position } = await this.currentFaq(faqId);
    checkMarkdown(input.answer, 'The answer', HANDBOOK_LIMITS.answer);
    return faqJson(await this.write({ part: 'faq', id: faqId, title: input.question, body: input.answer.trim(), position, deleted: false, by }, current.etag, version));
  }

  async removeFaq(faqId: string, version: string, by: string): Promise<void> {
    const { current, position } = await this.currentFaq(faqId);
    await this.write({ part: 'faq', id: faqId, title: current.question, body: current.answer, position, deleted: true, by }, current.etag, version);
  }

  private async currentFaq(faqId: string): Promise<{ current: HandbookFaqJson; position: number }> {
    const faqs = ENTRY_ID.test(faqId) ? (await this.read()).faqs : [];
    const current = faqs.find((f) => f.id === faqId);
    if (!current) throw new AppError('NotFound', 'That question is no longer in the handbook.');
    const stored = (await this.store.list('faq')).find((f) => f.id === faqId);
    const shipped = defaultHandbook().faqs.findIndex((f) => f.id === faqId);
    return { current, position: stored?.position ?? shipped };
  }

  /** Writes over the version the editor read: a stale version, or a race with another editor, is a 409. */
  private async write(entry: Omit<StoredEntry, 'etag' | 'updatedAt' | 'updatedBy'> & { by: string }, currentVersion: string, version: string): Promise<StoredEntry> {
    if (version !== currentVersion) throw new AppError('Conflict', CHANGED_MEANWHILE);
    const { by, ...rest } = entry;
    try {
      return await this.store.write({ ...rest, updatedAt: this.clock().toISOString(), updatedBy: by }, version);
    } catch (error) {
      if (error instanceof ConflictError) throw new AppError('Conflict', CHANGED_MEANWHILE);
      throw error;
    }
  }
}

function defaultRow(faq: FaqEntry, position: number): StoredEntry {
  return { part: 'faq', id: faq.id, title: faq.question, body: faq.answer, position, deleted: false, updatedAt: '', updatedBy: 'default', etag: UNEDITED };
}

function faqJson(row: StoredEntry): HandbookFaqJson {
  return { id: row.id, question: row.title, answer: row.body, etag: row.etag };
}

function checkMarkdown(source: string, label: string, max: number): void {
  const problems = markdownProblems(source, label, max);
  if (problems.length > 0) throw new AppError('BadRequest', problems.join(' '));
}
