import { toCsv } from '../../pipeline/pipelineRules';
import { agendaForRole, type AgendaSet } from '../agendaRules';
import { readableDay } from '../../../calendar/calendarTime';
import type { Pause } from '../pauseRules';
import { nextMeeting, pairStanding, quarterWindows, type Meeting, type MeetingNumber, type PairPlan, type ProgramYear } from '../yearPlan';
import {
  iceBreakerWords,
  orientationWords,
  type AgendaSetJson,
  type MeetingSummaryJson,
  type MyYearPlanJson,
  type NudgeHistoryJson,
  type YearPairJson,
  type YearPersonJson,
  type YearViewJson,
} from '../api';
import type { AttendanceOfCohort } from './yearAttendance';
import { kindWords } from './yearNudges';
import type { CohortYear, NudgeRecord, StoredNote } from './yearStore';

/**
 * Plans as the tab sees them. The taskforce's view and CSV are built from plans, which hold no notes (yearStore), and
 * never read the notes table; only `myYearPlan`, for one of the pair's two people, carries the pair's notes.
 */
const NUDGE_HISTORY_LIMIT = 500;

function titleOf(agendas: AgendaSet, meeting: MeetingNumber): string {
  return agendas.templates.find((t) => t.meeting === meeting)?.title ?? `Meeting ${meeting}`;
}

export function meetingSummary(meeting: Meeting, agendas: AgendaSet): MeetingSummaryJson {
  const booking = meeting.booking;
  return {
    number: meeting.number,
    title: titleOf(agendas, meeting.number),
    status: meeting.status,
    bookedFor: booking ? `${booking.date}${booking.time ? ` ${booking.time}` : ''}` : null,
    heldOn: meeting.log?.heldOn ?? null,
    where: meeting.log?.where ?? null,
    flagged: meeting.log?.flaggedForTaskforce === true,
    window: { quarter: meeting.window.quarter, opensOn: meeting.window.opensOn, closesOn: meeting.window.closesOn },
  };
}

export function yearView(
  cohortId: string,
  cohortYear: CohortYear | undefined,
  plans: readonly PairPlan[],
  nudges: readonly NudgeRecord[],
  attendance: AttendanceOfCohort,
  nameOf: (id: string) => string,
): YearViewJson {
  const iceBreakerOn = attendance.iceBreaker?.date ?? null;
  if (!cohortYear) return { cohortId, year: null, iceBreakerOn, pairs: [], nudges: [] };
  const person = (id: string): YearPersonJson => ({
    id,
    name: nameOf(id),
    orientationVersion: attendance.orientationVersions.get(id) ?? null,
    iceBreaker: attendance.iceBreaker?.answers.get(id) ?? null,
  });
  const pairs: YearPairJson[] = plans.map((plan) => {
    const standing = pairStanding(plan);
    return {
      executive: person(plan.executiveId),
      mentor: person(plan.mentorId),
      atRisk: standing.atRisk,
      shadowingDone: standing.shadowingDone,
      meetings: plan.meetings.map((m) => meetingSummary(m, cohortYear.agendas)),
    };
  });
  pairs.sort((a, b) => Number(b.atRisk) - Number(a.atRisk) || a.executive.name.localeCompare(b.executive.name));
  const history: NudgeHistoryJson[] = nudges
    .filter((n) => n.outcome !== 'sending')
    .sort((a, b) => b.at.localeCompare(a.at) || a.key.localeCompare(b.key))
    .slice(0, NUDGE_HISTORY_LIMIT)
    .map((n) => ({
      at: n.at,
      kind: n.kind,
      what: `Meeting ${n.meeting}: ${kindWords(n.kind)}`,
      meeting: n.meeting,
      executiveId: n.executiveId,
      to: n.to === 'taskforce' ? 'the taskforce' : nameOf(n.to),
      outcome: n.outcome as NudgeHistoryJson['outcome'],
    }));
  return { cohortId, year: yearJson(cohortYear.year), iceBreakerOn, pairs, nudges: history };
}

function yearJson(year: ProgramYear): YearViewJson['year'] {
  return { startsOn: year.startsOn, endsOn: year.endsOn, quarters: quarterWindows(year).map((w) => ({ quarter: w.quarter, opensOn: w.opensOn, closesOn: w.closesOn })) };
}

const STATUS_WORDS: Record<Meeting['status'], string> = { planned: 'not booked', booked: 'booked', held: 'held', missed: 'missed' };

/** One row per pair and meeting, with each person's orientation and ice-breaker answer. Statuses and places only: no notes. */
export function yearCsv(view: YearViewJson): string {
  const header = [
    'Executive',
    'Mentor',
    'Executive’s orientation',
    'Mentor’s orientation',
    'Executive at the ice breaker',
    'Mentor at the ice breaker',
    'At risk',
    'Meeting',
    'Quarter closes',
    'Status',
    'Booked for',
    'Held on',
    'Where',
    'Executive’s office',
  ];
  const rows = view.pairs.flatMap((p) =>
    p.meetings.map((m) => [
      p.executive.name,
      p.mentor.name,
      orientationWords(p.executive),
      orientationWords(p.mentor),
      iceBreakerWords(p.executive, view.iceBreakerOn),
      iceBreakerWords(p.mentor, view.iceBreakerOn),
      p.atRisk ? 'yes' : 'no',
      `${m.number}: ${m.title}`,
      m.window.closesOn,
      m.number === 2 && m.status === 'held' ? 'shadowing done' : STATUS_WORDS[m.status],
      m.bookedFor ?? '',
      m.heldOn ?? '',
      m.where ?? '',
      m.flagged ? 'yes' : '',
    ]),
  );
  return toCsv(header, rows);
}

export function agendaSetJson(cohortYear: CohortYear): AgendaSetJson {
  return { cohortId: cohortYear.cohortId, version: cohortYear.agendas.version, templates: cohortYear.agendas.templates, etag: cohortYear.etag };
}

/** What waits for a person now: book, log, or nothing. */
export function waitingFor(plan: PairPlan, today: string, partnerName: string): string[] {
  const next = nextMeeting(plan);
  const waiting: string[] = [];
  for (const m of plan.meetings) {
    if (m.status === 'missed') waiting.push(`Meeting ${m.number} was missed. If you did meet, log it late.`);
  }
  if (!next) return waiting;
  if (next.status === 'planned' && next.window.opensOn <= today) waiting.push(`Book meeting ${next.number} with ${partnerName} before ${readableDay(next.window.closesOn)}.`);
  if (next.status === 'booked' && next.booking && next.booking.date < today) waiting.push(`Log meeting ${next.number}: it was booked for ${readableDay(next.booking.date)}.`);
  return waiting;
}

export function myYearPlan(input: {
  plan: PairPlan;
  role: 'mentor' | 'executive';
  partner: { id: string; name: string };
  agendas: AgendaSet;
  notes: ReadonlyMap<MeetingNumber, StoredNote>;
  pauses: readonly Pause[];
  today: string;
}): MyYearPlanJson {
  const { plan, role, agendas } = input;
  const next = nextMeeting(plan);
  const agenda = next && agendaForRole(agendas, next.number, role);
  return {
    cohortId: plan.cohortId,
    role,
    partner: input.partner,
    meetings: plan.meetings.map((m) => ({ ...meetingSummary(m, agendas), note: input.notes.get(m.number)?.note ?? '' })),
    nextAgenda: agenda
      ? { meeting: agenda.meeting, title: agenda.title, purpose: agenda.purpose, questions: agenda.questions, checklist: agenda.checklist.map((c) => c.text) }
      : null,
    waiting: waitingFor(plan, input.today, input.partner.name),
    pauses: input.pauses.filter((p) => p.until >= input.today),
  };
}
