import { DEFAULT_AGENDAS } from '../../../bot/program/year/agendaDefaults';
import { AGENDA_LIMITS, agendaForRole, defaultAgendaSet, readAgendaEdit, type AgendaSet } from '../../../bot/program/year/agendaRules';

/** The edit a tab form sends back when the taskforce saves without changing anything. */
function editOf(set: AgendaSet): { baseVersion: number; templates: Record<string, unknown>[] } {
  return { baseVersion: set.version, templates: set.templates.map((t) => ({ ...t })) };
}

describe('the default agendas', () => {
  it('are four, one per meeting, each within the limits a taskforce edit must respect', () => {
    expect(DEFAULT_AGENDAS.map((t) => [t.id, t.meeting])).toEqual([
      ['agenda1', 1],
      ['agenda2', 2],
      ['agenda3', 3],
      ['agenda4', 4],
    ]);
    const set = defaultAgendaSet();
    expect(readAgendaEdit(editOf(set), set)).toEqual({ ok: true, changed: false, set });
  });
  it('make agenda 2 the shadowing visit with the checklist people need', () => {
    const visit = DEFAULT_AGENDAS[1];
    expect(visit.title).toMatch(/shadowing/i);
    const checklist = visit.checklist.map((c) => c.text).join(' ');
    for (const needed of [/date/i, /place/i, /manager or unit lead/i, /badge/i, /PPE/, /wear/i, /patient care/i]) expect(checklist).toMatch(needed);
    expect(DEFAULT_AGENDAS.filter((t) => t.checklist.length > 0)).toHaveLength(1);
  });
  it('give agenda 3 to the mentor’s recommendations and agenda 4 to what carries on', () => {
    expect(DEFAULT_AGENDAS[2].title).toMatch(/recommendations/);
    expect(DEFAULT_AGENDAS[3].title).toMatch(/carry on/);
  });
  it('are short enough to read on a phone', () => {
    for (const t of DEFAULT_AGENDAS) {
      for (const q of [...t.mentorQuestions, ...t.executiveQuestions]) expect(q.length).toBeLessThanOrEqual(100);
      expect(t.mentorQuestions.length + t.executiveQuestions.length).toBeLessThanOrEqual(10);
    }
  });
});

describe('a taskforce edit', () => {
  const current = defaultAgendaSet();
  it('makes a new version when anything changes, and keeps the ids', () => {
    const edit = editOf(current);
    edit.templates[2] = { ...edit.templates[2], title: 'Fixing one thing together' };
    const result = readAgendaEdit(edit, current);
    expect(result.ok && result.changed && result.set.version).toBe(2);
    if (result.ok) expect(result.set.templates.map((t) => t.id)).toEqual(['agenda1', 'agenda2', 'agenda3', 'agenda4']);
  });
  it('accepts the four agendas in any order and stores them by meeting', () => {
    const edit = editOf(current);
    edit.templates.reverse();
    expect(readAgendaEdit(edit, current)).toMatchObject({ ok: true, changed: false });
  });
  it('keeps checklist ids, gives new items the next free id, and drops none silently', () => {
    const edit = editOf(current);
    const checklist = [...current.templates[1].checklist.slice(0, 3), { text: 'Bring a notebook' }, { text: 'Ask where to stand' }];
    edit.templates[1] = { ...edit.templates[1], checklist };
    const result = readAgendaEdit(edit, current);
    expect(result.ok && result.set.templates[1].checklist.map((c) => c.id)).toEqual(['date', 'place', 'tell', 'c1', 'c2']);
    if (!result.ok) return;
    const next = editOf(result.set);
    next.templates[1] = { ...next.templates[1], checklist: [...result.set.templates[1].checklist, { text: 'Wash hands' }] };
    const again = readAgendaEdit(next, result.set);
    expect(again.ok && again.set.templates[1].checklist.map((c) => c.id).slice(-1)).toEqual(['c3']);
  });
  it('refuses an edit based on an older version (someone saved in between)', () => {
    const result = readAgendaEdit({ ...editOf(current), baseVersion: 0 }, current);
    expect(result).toEqual({ ok: false, errors: ['Someone saved the agendas while you were editing. Reload to see their changes, then edit again.'] });
  });
  it.each([
    ['three agendas', (e: ReturnType<typeof editOf>) => e.templates.pop(), 'each of the four agendas once'],
    ['an unknown agenda id', (e: ReturnType<typeof editOf>) => (e.templates[0] = { ...e.templates[0], id: 'agenda9' }), 'each of the four agendas once'],
    ['an empty title', (e: ReturnType<typeof editOf>) => (e.templates[0] = { ...e.templates[0], title: ' ' }), 'agenda 1 title'],
    ['a long purpose', (e: ReturnType<typeof editOf>) => (e.templates[3] = { ...e.templates[3], purpose: 'x'.repeat(AGENDA_LIMITS.purpose + 1) }), 'Agenda 4 purpose is too long'],
    [
      'no questions for the executive',
      (e: ReturnType<typeof editOf>) => (e.templates[0] = { ...e.templates[0], executiveQuestions: [] }),
      'Agenda 1, the executive’s questions: give between 1 and 8',
    ],
    [
      'too many questions for the mentor',
      (e: ReturnType<typeof editOf>) => (e.templates[2] = { ...e.templates[2], mentorQuestions: Array(9).fill('Why?') }),
      'Agenda 3, the mentor’s questions',
    ],
    ['an HTML question', (e: ReturnType<typeof editOf>) => (e.templates[2] = { ...e.templates[2], mentorQuestions: ['<b>Why</b>?'] }), 'question 1 cannot contain HTML'],
    [
      'a shadowing checklist of two items',
      (e: ReturnType<typeof editOf>) => (e.templates[1] = { ...e.templates[1], checklist: [{ text: 'a' }, { text: 'b' }] }),
      'between 3 and 12 items',
    ],
    [
      'a checklist id that does not exist',
      (e: ReturnType<typeof editOf>) => (e.templates[1] = { ...e.templates[1], checklist: [{ id: 'zzz', text: 'a' }, { text: 'b' }, { text: 'c' }] }),
      'names an item this agenda does not have',
    ],
    [
      'a checklist id used twice',
      (e: ReturnType<typeof editOf>) => (e.templates[1] = { ...e.templates[1], checklist: [{ id: 'date', text: 'a' }, { id: 'date', text: 'b' }, { text: 'c' }] }),
      'names an item',
    ],
  ])('refuses %s', (_name, spoil, message) => {
    const edit = editOf(current);
    spoil(edit);
    const result = readAgendaEdit(edit, current);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join(' ').toLowerCase()).toContain(message.toLowerCase());
  });
  it('refuses something that is not an edit', () => {
    expect(readAgendaEdit('agendas', current)).toEqual({ ok: false, errors: ['Send the four agendas as a list.'] });
  });
  it('gives no checklist to agendas other than the shadowing visit, even when one is sent', () => {
    const edit = editOf(current);
    edit.templates[0] = { ...edit.templates[0], checklist: [{ text: 'x' }, { text: 'y' }, { text: 'z' }] };
    expect(readAgendaEdit(edit, current)).toMatchObject({ ok: true, changed: false });
  });
});

describe('an agenda for one role', () => {
  const set = defaultAgendaSet();
  it('gives each role its own questions and both the visit checklist', () => {
    const mentor = agendaForRole(set, 2, 'mentor');
    const executive = agendaForRole(set, 2, 'executive');
    expect(mentor?.questions).toEqual(DEFAULT_AGENDAS[1].mentorQuestions);
    expect(executive?.questions).toEqual(DEFAULT_AGENDAS[1].executiveQuestions);
    expect(mentor?.checklist).toEqual(executive?.checklist);
  });
  it('returns copies, so a caller cannot change the set by accident', () => {
    const view = agendaForRole(set, 1, 'mentor');
    view?.questions.push('extra');
    expect(set.templates[0].mentorQuestions).not.toContain('extra');
  });
});
