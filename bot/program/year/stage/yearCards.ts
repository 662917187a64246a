import { expandCard, type CardJson } from '../../../cards/expandCard';
import type { OutgoingCard } from '../../../messaging/messenger';
import { notice, noticeCard } from '../../applications/applicationCards';
import { agendaForRole, type AgendaSet, type Role } from '../agendaRules';
import { BOOKING_LIMITS, windowSentence } from '../bookingRules';
import { readableDay } from '../../../calendar/calendarTime';
import { LOG_LIMITS } from '../meetingLogRules';
import { fillNudgeText, type NudgeTextId } from '../nudgeTexts';
import type { SlotButton } from '../slotOffer';
import { PLACE_KINDS, PLACE_LABELS, SHADOWING_MEETING, type Meeting, type MeetingNumber, type PairPlan, type PlaceKind } from '../yearPlan';
import agendaTemplate from './cards/agenda.json';
import bookFormTemplate from './cards/bookForm.json';
import findTimeTemplate from './cards/findTime.json';
import logFormTemplate from './cards/logForm.json';
import planTemplate from './cards/plan.json';

/**
 * The year's cards: the pair's plan, an agenda for one role, the booking and log forms, and the nudges. Buttons carry
 * ids and the meeting's version (its history length) only; the verbs reload everything.
 */
export interface CardButton {
  title: string;
  verb: string;
  data: Record<string, string>;
}

export interface PairView {
  plan: PairPlan;
  role: Role;
  partnerName: string;
  agendas: AgendaSet;
  /** Whether "Find a time" is offered: only when the calendars can be read (Microsoft Graph configured). */
  findTime?: boolean;
}

export function meetingData(plan: Pick<PairPlan, 'cohortId' | 'executiveId'>, meeting: Meeting): Record<string, string> {
  return { cohortId: plan.cohortId, executiveId: plan.executiveId, meeting: String(meeting.number), version: String(meeting.history.length) };
}

function placesFor(meeting: Pick<Meeting, 'number'>): { title: string; value: PlaceKind }[] {
  const kinds = meeting.number === SHADOWING_MEETING ? (['mentor-area'] as const) : PLACE_KINDS;
  return kinds.map((value) => ({ title: PLACE_LABELS[value], value }));
}

function titleOf(agendas: AgendaSet, meeting: MeetingNumber): string {
  return agendas.templates.find((t) => t.meeting === meeting)?.title ?? `Meeting ${meeting}`;
}

/** One sentence on where a meeting stands. */
export function statusSentence(meeting: Meeting): string {
  const when = meeting.booking ? `${readableDay(meeting.booking.date)}${meeting.booking.time ? ` at ${meeting.booking.time}` : ''}` : '';
  switch (meeting.status) {
    case 'planned':
      return `Not booked yet: meet ${windowSentence(meeting.window)}.`;
    case 'booked':
      return `Booked for ${when}${meeting.booking?.place ? `, ${meeting.booking.place}` : ''}.`;
    case 'held':
      return `Held on ${readableDay(meeting.log?.heldOn ?? '')}: ${PLACE_LABELS[meeting.log?.where ?? 'common-area'].toLowerCase()}.`;
    case 'missed':
      return `Missed: quarter ${meeting.number} closed on ${readableDay(meeting.window.closesOn)} with no meeting logged.`;
  }
}

/** What a person can do with a meeting now; "Find a time" only where the calendars can be read. */
export function meetingButtons(plan: PairPlan, meeting: Meeting, findTime = false): CardButton[] {
  const data = meetingData(plan, meeting);
  const buttons: CardButton[] = [{ title: 'Agenda', verb: 'year.agendaView', data }];
  const find: CardButton[] = findTime ? [{ title: meeting.status === 'booked' ? 'Find another time' : 'Find a time', verb: 'year.findTime', data }] : [];
  if (meeting.status === 'planned') buttons.unshift(...find, { title: 'Book a date', verb: 'year.bookForm', data });
  if (meeting.status === 'booked') buttons.unshift({ title: 'Log it', verb: 'year.logForm', data }, ...find, { title: 'Change the date', verb: 'year.bookForm', data });
  if (meeting.status === 'missed') buttons.unshift({ title: 'Log it late', verb: 'year.logForm', data });
  return buttons;
}

export function planCard(view: PairView, notes: ReadonlyMap<MeetingNumber, string>): CardJson {
  const { plan, role, partnerName, agendas } = view;
  return expandCard(planTemplate, {
    title: `Your meetings with ${partnerName}`,
    intro: `Four meetings, one a quarter, from ${readableDay(plan.meetings[0].window.opensOn)} to ${readableDay(plan.meetings[3].window.closesOn)}. ${
      role === 'mentor' ? 'You are the mentor.' : 'Your partner is your mentor.'
    } Meet in a common area or the mentor’s area rather than an executive’s office.`,
    meetings: plan.meetings.map((m) => ({
      heading: `Meeting ${m.number}: ${titleOf(agendas, m.number)}`,
      status: statusSentence(m) + (notes.get(m.number) ? ` Your pair’s private note: ${notes.get(m.number)}` : ''),
      flag: m.log?.flaggedForTaskforce ? 'Held in the executive’s office: the taskforce is told where (never your note).' : '',
      actions: meetingButtons(plan, m, view.findTime),
    })),
  });
}

export function agendaCard(view: PairView, meeting: Meeting, lead: { title?: string; text?: string } = {}): CardJson {
  const agenda = agendaForRole(view.agendas, meeting.number, view.role);
  return expandCard(agendaTemplate, {
    title: lead.title ?? `Your agenda for meeting ${meeting.number} with ${view.partnerName}`,
    lead: lead.text ?? '',
    agendaTitle: agenda?.title ?? `Meeting ${meeting.number}`,
    purpose: agenda?.purpose ?? '',
    questionsLabel: view.role === 'mentor' ? 'Questions for you, the mentor' : 'Questions for you, the executive',
    questions: (agenda?.questions ?? []).map((text) => ({ text })),
    checklist: (agenda?.checklist ?? []).map((c) => ({ text: c.text })),
    when: statusSentence(meeting),
    actions: meetingButtons(view.plan, meeting, view.findTime).filter((b) => b.verb !== 'year.agendaView'),
  });
}

export interface FormState {
  values?: Readonly<Record<string, unknown>>;
  errors?: Readonly<Record<string, string | undefined>>;
  formError?: string;
}

const valueOf = (state: FormState, name: string, fallback = ''): string => {
  const value = state.values?.[name];
  return typeof value === 'string' ? value : fallback;
};

export function bookFormCard(view: PairView, meeting: Meeting, state: FormState = {}): CardJson {
  const shadowing = meeting.number === SHADOWING_MEETING;
  return expandCard(bookFormTemplate, {
    title: `${meeting.status === 'booked' ? 'Change the date of' : 'Book'} meeting ${meeting.number} with ${view.partnerName}`,
    intro: `${shadowing ? 'The shadowing visit happens in the mentor’s area. ' : ''}Agree on a day with ${view.partnerName}, then enter it here: ${windowSentence(meeting.window)}.`,
    formError: state.formError ?? '',
    opensOn: meeting.window.opensOn,
    closesOn: meeting.window.closesOn,
    dateValue: valueOf(state, 'date', meeting.booking?.date ?? ''),
    dateError: state.errors?.date ?? '',
    timeLabel: meeting.calendarEvent ? 'The time' : 'The time (optional)',
    timeValue: valueOf(state, 'time', meeting.booking?.time ?? ''),
    timeError: state.errors?.time ?? '',
    places: placesFor(meeting),
    placeKindValue: valueOf(state, 'placeKind', meeting.booking?.placeKind ?? (shadowing ? 'mentor-area' : '')),
    placeKindError: state.errors?.placeKind ?? '',
    placeMax: BOOKING_LIMITS.place,
    placeValue: valueOf(state, 'place', meeting.booking?.place ?? ''),
    placeError: state.errors?.place ?? state.errors?.duration ?? '',
    data: meetingData(view.plan, meeting),
  });
}

/**
 * Up to three common free slots of the pair, each a button that books it, with how they will meet; and the form as the
 * way out. The slot buttons carry the meeting's ids, its version and the slot's start only.
 */
export function findTimeCard(view: PairView, meeting: Meeting, slots: readonly SlotButton[], timeZone: string): CardJson {
  const shadowing = meeting.number === SHADOWING_MEETING;
  const how = shadowing
    ? 'The shadowing visit is in person, in the mentor’s area: the invitation has no Teams link.'
    : 'A Teams call gets a Teams link in the invitation; anywhere else is in person.';
  return expandCard(findTimeTemplate, {
    title: `Times that suit you both for meeting ${meeting.number}`,
    intro: `You and ${view.partnerName} are both free at these times (${timeZone} time). Choose one to book it and send the invitation to both your calendars. ${how}`,
    places: placesFor(meeting),
    placeKindValue: meeting.booking?.placeKind ?? (shadowing ? 'mentor-area' : 'virtual'),
    placeMax: BOOKING_LIMITS.place,
    placeValue: meeting.booking?.place ?? '',
    slots: slots.map((slot) => ({ title: slot.title, data: { ...meetingData(view.plan, meeting), start: slot.start } })),
    formData: meetingData(view.plan, meeting),
  });
}

export type NoTimeReason = 'unreadable' | 'noSlot' | 'closed' | 'unreachable';

/** Why no time can be offered, kindly, with the form (and for an unreachable Graph, another try). */
export function noTimeCard(view: PairView, meeting: Meeting, reason: NoTimeReason): CardJson {
  const data = meetingData(view.plan, meeting);
  const form: CardButton = { title: 'Enter a date we agreed', verb: 'year.bookForm', data };
  const texts: Record<NoTimeReason, { title: string; line: string }> = {
    unreadable: { title: 'We could not read both calendars', line: `So we cannot suggest a time. Agree on one with ${view.partnerName} and enter it here.` },
    noSlot: {
      title: 'No common free time found',
      line: `You and ${view.partnerName} have no free hour in common in working hours before ${readableDay(meeting.window.closesOn)}. Agree on a time together and enter it here.`,
    },
    closed: { title: 'No time left in this quarter', line: 'This meeting’s quarter has no working day left to book.' },
    unreachable: { title: 'The calendars did not answer', line: 'We could not reach the calendars; try again or enter the date you agreed.' },
  };
  const text = texts[reason];
  const actions: CardButton[] = reason === 'closed' ? [] : reason === 'unreachable' ? [{ title: 'Try again', verb: 'year.findTime', data }, form] : [form];
  return noticeCard({ title: text.title, lines: [text.line, statusSentence(meeting)], actions: [...actions, { title: 'All my meetings', verb: 'year.plan', data: {} }] });
}

export function logFormCard(view: PairView, meeting: Meeting, state: FormState & { title?: string; intro?: string } = {}): CardJson {
  return expandCard(logFormTemplate, {
    title: state.title ?? `Log meeting ${meeting.number} with ${view.partnerName}`,
    intro:
      state.intro ??
      (meeting.number === SHADOWING_MEETING
        ? 'Meeting 2 counts once the executive has visited the mentor’s area. The note is private to the two of you.'
        : 'When and where you met. The note is private to the two of you: nobody else reads it.'),
    formError: state.formError ?? '',
    opensOn: meeting.window.opensOn,
    closesOn: meeting.window.closesOn,
    heldOnValue: valueOf(state, 'heldOn', meeting.log?.heldOn ?? meeting.booking?.date ?? ''),
    heldOnError: state.errors?.heldOn ?? '',
    places: placesFor(meeting),
    whereValue: valueOf(state, 'where', meeting.log?.where ?? meeting.booking?.placeKind ?? (meeting.number === SHADOWING_MEETING ? 'mentor-area' : '')),
    whereError: state.errors?.where ?? '',
    noteMax: LOG_LIMITS.note,
    noteValue: valueOf(state, 'note'),
    noteError: state.errors?.note ?? '',
    data: meetingData(view.plan, meeting),
  });
}

/** A short card with the plan's buttons for one meeting (after a change, or when a card was out of date). */
export function meetingNotice(view: PairView, meeting: Meeting, title: string, lines: string[]): CardJson {
  return noticeCard({
    title,
    lines: [...lines, statusSentence(meeting)],
    actions: [...meetingButtons(view.plan, meeting, view.findTime), { title: 'All my meetings', verb: 'year.plan', data: {} }],
  });
}

function nudgeTextId(kind: string, meeting: Meeting, ask: string | undefined): NudgeTextId {
  const shadowing = meeting.number === SHADOWING_MEETING;
  if (kind === 'year.nudge.book') return shadowing ? 'bookShadowing' : 'book';
  if (kind === 'year.nudge.agenda') return shadowing ? 'agendaShadowing' : 'agenda';
  if (kind === 'year.nudge.didYouMeet') return 'didYouMeet';
  return ask === 'log' ? 'lastLog' : 'lastBook';
}

/** The card of a person's nudge: the text from nudgeTexts, with the booking form, the agenda or the log form. */
export function nudgeCard(kind: string, view: PairView, meeting: Meeting, ask?: string): OutgoingCard {
  const when = meeting.booking ? `${readableDay(meeting.booking.date)}${meeting.booking.time ? ` at ${meeting.booking.time}` : ''}` : '';
  const text = fillNudgeText(nudgeTextId(kind, meeting, ask), { meeting: meeting.number, other: view.partnerName, closesOn: readableDay(meeting.window.closesOn), when });
  if (kind === 'year.nudge.agenda') return { card: agendaCard(view, meeting, { title: text.title, text: text.text }), summary: text.title };
  if (kind === 'year.nudge.didYouMeet' || ask === 'log') return { card: logFormCard(view, meeting, { title: text.title, intro: text.text }), summary: text.title };
  return { card: meetingNotice(view, meeting, text.title, [text.text]), summary: text.title };
}

export function quarterClosedCard(pairName: string, meeting: Meeting): OutgoingCard {
  const text = fillNudgeText('quarterClosedTaskforce', { pair: pairName, meeting: meeting.number, closesOn: readableDay(meeting.window.closesOn) });
  return notice(text.title, { title: text.title, lines: [text.text, 'The year view in the tab lists every pair at risk.'] });
}
