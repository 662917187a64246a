import { z } from 'zod';
import { endpoint, returns } from '../../contract/endpoint';
import { fields } from '../../contract/fields';

/**
 * The year's wire contract (SDK-free; the tab compiles it): the taskforce's year view of a cohort and its CSV, the
 * cohort's four agenda templates (read and edit), and a participant's own year ("My mentoring"). bot/program/API.md
 * lists the routes. Private pair notes appear only in `getMyYear`, to the two people of the pair.
 */
export type MeetingStatusJson = 'planned' | 'booked' | 'held' | 'missed';
export type PlaceKindJson = 'common-area' | 'mentor-area' | 'virtual' | 'executive-office';

export interface QuarterJson {
  quarter: number;
  opensOn: string;
  closesOn: string;
}

export interface MeetingSummaryJson {
  number: number;
  title: string;
  status: MeetingStatusJson;
  /** The booked date (and time) while booked; the booked date kept on a held or missed meeting. */
  bookedFor: string | null;
  heldOn: string | null;
  where: PlaceKindJson | null;
  /** Logged as held in the executive's office (the place only; never the note). */
  flagged: boolean;
  window: QuarterJson;
}

export type RsvpJson = 'yes' | 'no' | 'maybe';

/** One person of a pair, with their part in the weeks before the meetings. */
export interface YearPersonJson {
  id: string;
  name: string;
  /** The version of their role's orientation they acknowledged; null while they have not. */
  orientationVersion: number | null;
  /** Their answer to the ice-breaker invitation; null when they have not answered (or none is scheduled). */
  iceBreaker: RsvpJson | null;
}

export interface YearPairJson {
  executive: YearPersonJson;
  mentor: YearPersonJson;
  atRisk: boolean;
  shadowingDone: boolean;
  meetings: MeetingSummaryJson[];
}

/** "acknowledged (version 2)" or "not yet": the same words in the tab and the CSV (yearViews.yearCsv). */
export function orientationWords(person: Pick<YearPersonJson, 'orientationVersion'>): string {
  return person.orientationVersion === null ? 'not yet' : `acknowledged (version ${person.orientationVersion})`;
}

/** "yes", "no", "maybe", "no answer", or "not scheduled" while the cohort has no ice breaker. */
export function iceBreakerWords(person: Pick<YearPersonJson, 'iceBreaker'>, iceBreakerOn: string | null): string {
  if (iceBreakerOn === null) return 'not scheduled';
  return person.iceBreaker ?? 'no answer';
}

export interface NudgeHistoryJson {
  at: string;
  kind: string;
  /** "Meeting 2", for the taskforce to read. */
  what: string;
  meeting: number;
  executiveId: string;
  /** Who it went to: a person's name, or "the taskforce". */
  to: string;
  outcome: 'sent' | 'unreachable' | 'skipped';
}

export interface YearViewJson {
  cohortId: string;
  /** Null until the cohort's pairs are confirmed. */
  year: { startsOn: string; endsOn: string; quarters: QuarterJson[] } | null;
  /** The day of the cohort's ice breaker; null while none is scheduled (or it was cancelled). */
  iceBreakerOn: string | null;
  /** At-risk pairs first, then by executive name. */
  pairs: YearPairJson[];
  /** Newest first, at most 500. */
  nudges: NudgeHistoryJson[];
}

export interface ChecklistItemJson {
  id: string;
  text: string;
}

export interface AgendaTemplateJson {
  id: string;
  meeting: number;
  title: string;
  purpose: string;
  mentorQuestions: string[];
  executiveQuestions: string[];
  /** Only agenda 2 (the shadowing visit) has one. */
  checklist: ChecklistItemJson[];
}

export interface AgendaSetJson {
  cohortId: string;
  version: number;
  templates: AgendaTemplateJson[];
  /** Sent back as `If-Match` by an edit. */
  etag: string;
}

export interface MyMeetingJson extends MeetingSummaryJson {
  /** The pair's private note on this meeting (only the two of them ever read it); empty when none. */
  note: string;
}

export interface MyYearPlanJson {
  cohortId: string;
  role: 'mentor' | 'executive';
  partner: { id: string; name: string };
  meetings: MyMeetingJson[];
  /** The next meeting's agenda for the caller's role; null once the year is done. */
  nextAgenda: { meeting: number; title: string; purpose: string; questions: string[]; checklist: string[] } | null;
  /** What waits for the caller now, as short sentences ("Book meeting 2 before 3 June"). */
  waiting: string[];
  /** The caller's pauses still to come or under way. */
  pauses: { from: string; until: string }[];
}

const cohortYear = '/api/cohorts/:cohortId/year';
const agendas = '/api/cohorts/:cohortId/agendas';

export const getYearView = endpoint({ method: 'get', path: cohortYear, response: returns<YearViewJson>() });

/** One row per pair and quarter (`text/csv`), safe to open in a spreadsheet: statuses, orientations and RSVPs. No notes. */
export const downloadYearCsv = endpoint({ method: 'get', path: `${cohortYear}/csv`, response: returns<string>() });

export const getAgendas = endpoint({ method: 'get', path: agendas, response: returns<AgendaSetJson>() });

const questions = z.array(z.string().max(400)).max(20);
const templateEdit = z.object({
  id: z.string().max(20),
  title: z.string().max(400),
  purpose: z.string().max(2000),
  mentorQuestions: questions,
  executiveQuestions: questions,
  checklist: z
    .array(z.object({ id: z.string().max(20).optional(), text: z.string().max(1000) }))
    .max(30)
    .optional(),
});

/** Edits all four at once; the rules (agendaRules.readAgendaEdit) answer 400 with every problem in one sentence each. */
export const saveAgendas = endpoint({
  method: 'put',
  path: agendas,
  body: fields({ templates: z.array(templateEdit).max(8) }),
  ifMatch: true,
  response: returns<AgendaSetJson>(),
});

export const getMyYear = endpoint({ method: 'get', path: '/api/me/year', response: returns<{ plans: MyYearPlanJson[] }>() });
