import { checkText } from '../text/plainText';
import { DEFAULT_AGENDAS, type AgendaTemplate, type ChecklistItem } from './agendaDefaults';
import { SHADOWING_MEETING, type MeetingNumber } from './yearPlan';

/**
 * The rules for a cohort's agenda templates. Pure: no SDK, no I/O.
 *
 * A cohort starts with a copy of the defaults at version 1. The taskforce edits all four at once; the edit names the
 * version it was based on, and an edit based on an older version is refused (someone else saved in between), so no
 * one overwrites a colleague's work unseen. An edit that changes anything makes version n+1; an identical edit keeps n.
 * Templates are guides, not records: cards show the current version, and a meeting log keeps none of the agenda.
 * Template ids (agenda1..agenda4) never change; checklist item ids stay stable, new items get the next free "c<n>".
 */
export const AGENDA_LIMITS = {
  title: 80,
  purpose: 400,
  question: 200,
  minQuestions: 1,
  maxQuestions: 8,
  checklistItem: 240,
  minChecklist: 3,
  maxChecklist: 12,
} as const;

export interface AgendaSet {
  version: number;
  templates: AgendaTemplate[];
}

export type Role = 'mentor' | 'executive';

export type AgendaEdit = { ok: true; set: AgendaSet; changed: boolean } | { ok: false; errors: string[] };

export function defaultAgendaSet(): AgendaSet {
  return {
    version: 1,
    templates: DEFAULT_AGENDAS.map((t) => ({
      ...t,
      mentorQuestions: [...t.mentorQuestions],
      executiveQuestions: [...t.executiveQuestions],
      checklist: t.checklist.map((c) => ({ ...c })),
    })),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class EditErrors {
  readonly list: string[] = [];
  text(raw: unknown, label: string, max: number): string {
    const check = checkText(raw, { label, max, required: true });
    if (check.ok) return check.value;
    this.list.push(check.error);
    return '';
  }
}

function readQuestions(raw: unknown, label: string, errors: EditErrors): string[] {
  if (!Array.isArray(raw) || raw.length < AGENDA_LIMITS.minQuestions || raw.length > AGENDA_LIMITS.maxQuestions) {
    errors.list.push(`${label}: give between ${AGENDA_LIMITS.minQuestions} and ${AGENDA_LIMITS.maxQuestions} questions.`);
    return [];
  }
  return raw.map((q, i) => errors.text(q, `${label}, question ${i + 1}`, AGENDA_LIMITS.question));
}

function readChecklist(raw: unknown, current: readonly ChecklistItem[], label: string, errors: EditErrors): ChecklistItem[] {
  if (!Array.isArray(raw) || raw.length < AGENDA_LIMITS.minChecklist || raw.length > AGENDA_LIMITS.maxChecklist) {
    errors.list.push(`${label}: the shadowing checklist needs between ${AGENDA_LIMITS.minChecklist} and ${AGENDA_LIMITS.maxChecklist} items.`);
    return [];
  }
  const known = new Set(current.map((c) => c.id));
  let next = 1;
  for (const id of known) next = Math.max(next, Number(/^c(\d+)$/.exec(id)?.[1] ?? 0) + 1);
  const seen = new Set<string>();
  return raw.map((item, i) => {
    const text = errors.text(isRecord(item) ? item.text : undefined, `${label}, checklist item ${i + 1}`, AGENDA_LIMITS.checklistItem);
    let id = isRecord(item) && item.id !== undefined ? String(item.id) : undefined;
    if (id !== undefined && (!known.has(id) || seen.has(id))) {
      errors.list.push(`${label}: the checklist names an item this agenda does not have. Reload and try again.`);
    }
    if (id === undefined) id = `c${next++}`;
    seen.add(id);
    return { id, text };
  });
}

function readTemplate(raw: Record<string, unknown>, current: AgendaTemplate, errors: EditErrors): AgendaTemplate {
  const label = `Agenda ${current.meeting}`;
  return {
    id: current.id,
    meeting: current.meeting,
    title: errors.text(raw.title, `${label} title`, AGENDA_LIMITS.title),
    purpose: errors.text(raw.purpose, `${label} purpose`, AGENDA_LIMITS.purpose),
    mentorQuestions: readQuestions(raw.mentorQuestions, `${label}, the mentor’s questions`, errors),
    executiveQuestions: readQuestions(raw.executiveQuestions, `${label}, the executive’s questions`, errors),
    checklist: current.meeting === SHADOWING_MEETING ? readChecklist(raw.checklist, current.checklist, label, errors) : [],
  };
}

/**
 * Reads the taskforce's edit of all four templates: `{ baseVersion, templates: [{ id, title, purpose, mentorQuestions,
 * executiveQuestions, checklist? }] }`. Every problem is listed, each as one sentence naming the agenda.
 */
export function readAgendaEdit(raw: unknown, current: AgendaSet): AgendaEdit {
  if (!isRecord(raw) || !Array.isArray(raw.templates)) return { ok: false, errors: ['Send the four agendas as a list.'] };
  if (raw.baseVersion !== current.version) {
    return { ok: false, errors: ['Someone saved the agendas while you were editing. Reload to see their changes, then edit again.'] };
  }
  const byId = new Map<string, Record<string, unknown>>();
  for (const t of raw.templates) if (isRecord(t) && typeof t.id === 'string') byId.set(t.id, t);
  if (raw.templates.length !== current.templates.length || current.templates.some((t) => !byId.has(t.id))) {
    return { ok: false, errors: ['Send each of the four agendas once, with its id (agenda1 to agenda4).'] };
  }
  const errors = new EditErrors();
  const templates = current.templates.map((t) => readTemplate(byId.get(t.id) as Record<string, unknown>, t, errors));
  if (errors.list.length > 0) return { ok: false, errors: errors.list };
  const changed = JSON.stringify(templates) !== JSON.stringify(current.templates);
  return { ok: true, changed, set: { version: changed ? current.version + 1 : current.version, templates } };
}

/** One agenda as one role reads it: their own questions; the checklist for both, since both prepare the visit. */
export interface AgendaView {
  meeting: MeetingNumber;
  title: string;
  purpose: string;
  questions: string[];
  checklist: ChecklistItem[];
}

export function agendaForRole(set: AgendaSet, meeting: MeetingNumber, role: Role): AgendaView | undefined {
  const template = set.templates.find((t) => t.meeting === meeting);
  if (!template) return undefined;
  const questions = role === 'mentor' ? template.mentorQuestions : template.executiveQuestions;
  return { meeting, title: template.title, purpose: template.purpose, questions: [...questions], checklist: template.checklist.map((c) => ({ ...c })) };
}
