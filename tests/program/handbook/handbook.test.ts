// The handbook through the real service: `handbook` and `faq` in chat, the card's buttons, and the taskforce's edits in
// the tab API (If-Match, safe markdown only, 401/403), every card checked with the Adaptive Cards SDK.
import { samplePersonas } from '../../../bot/directory/samplePersonas';
import type { HandbookJson } from '../../../bot/program/handbook/api';
import { markdownTexts } from '../../support/cardChecks';
import { IntakeHarness, textOf, type Card } from '../intakeHarness';

const priya = samplePersonas.taskforce;
const jordan = samplePersonas.employee;

/** The markdown places of a card, joined: what Teams renders. */
const rendered = (card: Card | undefined) => markdownTexts(card).join('\n');
const buttons = (card: Card | undefined) => JSON.stringify(card).match(/"title":"[^"]*","verb":"handbook\.section"/g) ?? [];

describe('the handbook', () => {
  let h: IntakeHarness;
  const asPriya = (method: string, path: string, body?: unknown, ifMatch?: string) => h.api(method, path, priya.id, body, { ifMatch });
  const read = async (as: string = jordan.id) => (await h.api('get', '/api/handbook', as)).body as HandbookJson;

  beforeAll(async () => {
    h = await IntakeHarness.start();
    await h.install(jordan);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('lists the sections in chat and opens one with its formatting, links https only', async () => {
    const [list] = await h.say(jordan, 'handbook');
    expect(buttons(list)).toHaveLength(7);
    expect(textOf(list)).toContain('The roles');
    const opened = await h.click(jordan, 'handbook.section', { sectionId: 'roles' });
    expect(opened.card && rendered(opened.card)).toContain('**The mentor** works on the front line');
    const agendas = await h.click(jordan, 'handbook.section', { sectionId: 'agendas' });
    expect(rendered(agendas.card)).toContain('**Meeting 2: The shadowing visit');
  });

  it('answers a button for a section that no longer exists with the sections as they are now', async () => {
    const stale = await h.click(jordan, 'handbook.section', { sectionId: 'retired-section' });
    expect(textOf(stale.card)).toContain('That section is no longer in the handbook.');
    expect(buttons(stale.card)).toHaveLength(7);
  });

  it('finds the best answers for a few words, and says so when nothing fits', async () => {
    const [found] = await h.say(jordan, 'faq my exec cancelled again');
    expect(rendered(found)).toContain('What if my executive cancels?');
    const [none] = await h.say(jordan, 'faq quantum chromodynamics');
    expect(textOf(none)).toContain('I found no good answer to that.');
    const [empty] = await h.say(jordan, 'faq');
    expect(textOf(empty)).toContain('Type faq and a few words');
  });

  it('shows hostile or oversized words typed after faq as text, cut short', async () => {
    const [card] = await h.say(jordan, `faq [Verify your account](https://evil.test) cancel ${'x'.repeat(5_000)}`);
    const heading = markdownTexts(card)[0] ?? '';
    expect(heading).toContain('\\[Verify your account\\]');
    expect(heading.length).toBeLessThan(200);
  });

  it('reads as anyone signed in; edits are for the taskforce; no token is a 401', async () => {
    const handbook = await read();
    expect(handbook.canEdit).toBe(false);
    expect(handbook.sections.map((s) => s.id)).toEqual(['what', 'roles', 'agendas', 'shadowing', 'where', 'confidentiality', 'contact']);
    expect((await read(priya.id)).canEdit).toBe(true);
    const faq = handbook.faqs[0];
    const routes: [string, string, unknown][] = [
      ['put', '/api/handbook/sections/roles', { title: 'Roles', markdown: 'Changed' }],
      ['post', '/api/handbook/faqs', { question: 'New?', answer: 'Yes.' }],
      ['put', `/api/handbook/faqs/${faq.id}`, { question: 'Changed?', answer: 'Yes.' }],
      ['delete', `/api/handbook/faqs/${faq.id}`, undefined],
    ];
    expect((await h.api('get', '/api/handbook', undefined)).status).toBe(401);
    for (const [method, path, body] of routes) {
      expect([path, (await h.api(method, path, undefined, body, { ifMatch: faq.etag })).status]).toEqual([path, 401]);
      expect([path, (await h.api(method, path, jordan.id, body, { ifMatch: faq.etag })).status]).toEqual([path, 403]);
    }
    expect(await read()).toEqual(handbook);
  });

  it('edits a section over the version read: 428 without it, 409 when stale, and chat shows the new text', async () => {
    const before = (await read()).sections.find((s) => s.id === 'contact')!;
    const edit = { title: 'Who to contact', markdown: 'Write to **the taskforce** at [the intranet](https://intranet.example.org/mentoring).' };
    expect((await asPriya('put', '/api/handbook/sections/contact', edit)).status).toBe(428);
    const saved = await asPriya('put', '/api/handbook/sections/contact', edit, before.etag);
    expect(saved.status).toBe(200);
    expect(saved.body.etag).not.toBe(before.etag);
    const stale = await asPriya('put', '/api/handbook/sections/contact', { ...edit, markdown: 'Lost update' }, before.etag);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('Conflict');
    const opened = await h.click(jordan, 'handbook.section', { sectionId: 'contact' });
    expect(rendered(opened.card)).toContain('Write to **the taskforce** at [the intranet](https://intranet.example.org/mentoring).');
  });

  it.each([
    ['raw HTML', '<script>alert(1)</script> Hello', 'contains HTML'],
    ['a javascript: link', '[Click](javascript:alert(1))', 'Links must start with https://'],
    ['an oversized text', 'x'.repeat(9_000), 'too long'],
    ['invisible characters', 'Hello\u202Eevil', 'invisible or control characters'],
  ])('refuses a section with %s: 400 naming the problem, nothing changed', async (_case, markdown, problem) => {
    const before = await read();
    const section = before.sections.find((s) => s.id === 'where')!;
    const refused = await asPriya('put', '/api/handbook/sections/where', { title: 'Where to meet', markdown }, section.etag);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain(problem);
    expect(await read()).toEqual(before);
  });

  it('keeps the agendas section with the agenda templates', async () => {
    const agendas = (await read()).sections.find((s) => s.id === 'agendas')!;
    expect(agendas.generated).toBe(true);
    const refused = await asPriya('put', '/api/handbook/sections/agendas', { title: 'Agendas', markdown: 'Mine now' }, agendas.etag);
    expect(refused.status).toBe(409);
  });

  it('adds, edits and removes questions, and faq finds what is there now', async () => {
    const added = await asPriya('post', '/api/handbook/faqs', { question: 'Where do I park for the shadowing visit?', answer: 'Use the **staff car park** on level 2.' });
    expect(added.status).toBe(201);
    expect((await read()).faqs.at(-1)).toEqual(added.body);
    const [found] = await h.say(jordan, 'faq parking');
    expect(rendered(found)).toContain('Use the **staff car park** on level 2.');

    const edited = await asPriya('put', `/api/handbook/faqs/${added.body.id}`, { question: 'Where do I park?', answer: 'Level 3 now.' }, added.body.etag);
    expect(edited.status).toBe(200);
    expect((await asPriya('put', `/api/handbook/faqs/${added.body.id}`, { question: 'Old', answer: 'Old' }, added.body.etag)).status).toBe(409);

    const cancels = (await read()).faqs.find((f) => f.id === 'cancels')!;
    expect((await asPriya('delete', '/api/handbook/faqs/cancels', undefined, cancels.etag)).status).toBe(200);
    expect((await asPriya('delete', '/api/handbook/faqs/cancels', undefined, cancels.etag)).status).toBe(404);
    const after = await read();
    expect(after.faqs.some((f) => f.id === 'cancels')).toBe(false);
    const [search] = await h.say(jordan, 'faq what if my executive cancels');
    expect(rendered(search)).not.toContain('What if my executive cancels?');
  });

  it('refuses a question that is not plain text or an answer with HTML, and an unknown question id', async () => {
    const before = await read();
    expect((await asPriya('post', '/api/handbook/faqs', { question: '<b>Bold?</b>', answer: 'Yes.' })).status).toBe(400);
    expect((await asPriya('post', '/api/handbook/faqs', { question: 'Fine?', answer: '<img src=x onerror=alert(1)>' })).status).toBe(400);
    expect((await asPriya('post', '/api/handbook/faqs', { question: 'Fine?' })).status).toBe(400);
    expect((await asPriya('put', '/api/handbook/faqs/no-such-question', { question: 'Q?', answer: 'A.' }, 'default')).status).toBe(404);
    expect(await read()).toEqual(before);
  });
});
