import { defaultHandbook, agendasMarkdown } from '../../../../bot/program/handbook/handbookDefaults';
import { DEFAULT_FAQS } from '../../../../bot/program/handbook/handbookFaqs';
import { buildFaqIndex, searchFaq, stem, termsOf } from '../../../../bot/program/handbook/faqSearch';
import { documentText, markdownProblems, parseMarkdown } from '../../../../bot/program/text/markdownSafe';
import { DEFAULT_AGENDAS } from '../../../../bot/program/year/agendaDefaults';
import { defaultAgendaSet } from '../../../../bot/program/year/agendaRules';

describe('the shipped handbook', () => {
  const handbook = defaultHandbook();
  it('has the reference sections people need', () => {
    expect(handbook.sections.map((s) => s.id)).toEqual(['what', 'roles', 'agendas', 'shadowing', 'where', 'confidentiality', 'contact']);
  });
  it('is all valid safe markdown, with no HTML and https links only', () => {
    for (const s of handbook.sections) expect(markdownProblems(s.markdown, s.title, 8000)).toEqual([]);
    for (const f of handbook.faqs) expect(markdownProblems(f.answer, f.question, 1000)).toEqual([]);
  });
  it('generates the agendas section from the agenda templates, so an edit shows there', () => {
    const text = documentText(parseMarkdown(handbook.sections[2].markdown));
    for (const agenda of DEFAULT_AGENDAS) {
      expect(text).toContain(agenda.title);
      for (const q of [...agenda.mentorQuestions, ...agenda.executiveQuestions]) expect(text).toContain(q);
    }
    const edited = defaultAgendaSet().templates.map((t) => (t.meeting === 3 ? { ...t, title: 'One *thing* to fix [together]' } : t));
    const again = defaultHandbook(edited);
    expect(documentText(parseMarkdown(again.sections[2].markdown))).toContain('Meeting 3: One *thing* to fix [together]');
  });
  it('shows the shadowing checklist from agenda 2 in the shadowing section', () => {
    const text = documentText(parseMarkdown(handbook.sections[3].markdown));
    for (const item of DEFAULT_AGENDAS[1].checklist) expect(text).toContain(item.text);
  });
  it('says what the taskforce can and cannot see', () => {
    const text = handbook.sections.find((s) => s.id === 'confidentiality')!.markdown;
    expect(text).toMatch(/taskforce can see/);
    expect(text).toMatch(/taskforce cannot see/);
    expect(text).toMatch(/private notes/);
  });
  it('has at least twelve FAQs with stable, unique ids and short answers', () => {
    expect(handbook.faqs.length).toBeGreaterThanOrEqual(12);
    expect(new Set(handbook.faqs.map((f) => f.id)).size).toBe(handbook.faqs.length);
    for (const f of handbook.faqs) expect(f.answer.length).toBeLessThanOrEqual(400);
  });
  it('keeps literal characters in generated agenda text literal', () => {
    expect(agendasMarkdown([{ ...DEFAULT_AGENDAS[0], purpose: 'Use # and * and _ freely' }])).toContain('Use \\# and \\* and \\_ freely');
  });
});

describe('words for search', () => {
  it('stem common endings and leave short words alone', () => {
    expect(['cancels', 'meetings', 'shadowing', 'reported', 'getting', 'planned', 'missed', 'called', 'colleagues', 'boss', 'status', 'policies'].map(stem)).toEqual([
      'cancel',
      'meet',
      'shadow',
      'report',
      'get',
      'plan',
      'miss',
      'call',
      'colleagu',
      'boss',
      'status',
      'policy',
    ]);
  });
  it('drop stop words and map domain synonyms; "boss" means either manager or executive', () => {
    expect(termsOf('Can my boss see what I said?')).toEqual([['manager', 'executiv'], ['see'], ['say']]);
    expect(termsOf('leave, leaving, schedule, rescheduled')).toEqual([['paus'], ['paus'], ['schedul'], ['cancel']]);
    expect(termsOf('cancelled shadowing visit on Teams')).toEqual([['cancel'], ['shadow'], ['shadow'], ['virtual']]);
    expect(termsOf('How much time')).toEqual([['time']]);
    expect(termsOf('Don’t I’m')).toEqual([]);
  });
});

describe('faq <words>', () => {
  const index = buildFaqIndex(DEFAULT_FAQS);
  const top = (query: string) => searchFaq(index, query).matches[0]?.entry.id;
  it.each([
    ['executive cancelled our meeting', 'cancels'],
    ['my exec keeps postponing', 'cancels'],
    ['can we do it on teams', 'virtual'],
    ['meet online', 'virtual'],
    ['asked about a coworker', 'colleague'],
    ['will my boss find out what I said', 'reported'],
    ['is it reported to my manager', 'reported'],
    ['how many hours', 'time'],
    ['how long does it take', 'time'],
    ['personality clash', 'along'],
    ['we dont get along', 'along'],
    ['shadowing in a clinical area', 'clinical'],
    ['going on vacation', 'pause'],
    ['who books', 'booking'],
    ['missed a quarter', 'missed'],
    ['meet in his office', 'office'],
    ['help with my pay', 'personal'],
    ['private notes', 'notes'],
  ])('answers "%s" with %s first', (query, id) => {
    expect(top(query)).toBe(id);
  });
  it('returns at most three matches, best first, with scores between 0 and 1', () => {
    const result = searchFaq(index, 'meeting executive time');
    expect(result.matches.length).toBeLessThanOrEqual(3);
    const scores = result.matches.map((m) => m.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const s of scores) expect(s).toBeGreaterThan(0);
    for (const s of scores) expect(s).toBeLessThanOrEqual(1);
  });
  it.each(['pizza recipes', 'quantum chromodynamics', 'the', '', '!!!'])('says "no good match" for "%s"', (query) => {
    expect(searchFaq(index, query)).toEqual({ matches: [], noGoodMatch: true });
  });
  it('copes with a huge query', () => {
    expect(searchFaq(index, 'cancel '.repeat(100_000)).matches[0]?.entry.id).toBe('cancels');
  });
  it('finds nothing in an empty handbook', () => {
    expect(searchFaq(buildFaqIndex([]), 'cancel')).toEqual({ matches: [], noGoodMatch: true });
  });
});
