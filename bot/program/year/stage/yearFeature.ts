import type { Actor, BotFeature, CardActionResult, ChatReply, WelcomeAction } from '../../../conversation/feature';
import type { CardJson } from '../../../cards/expandCard';
import { AppError } from '../../../errors';
import { noticeCard } from '../../applications/applicationCards';
import { addDays, readableDay } from '../../../calendar/calendarTime';
import { nextMeeting, type Meeting, type MeetingNumber } from '../yearPlan';
import { slotButtons } from '../slotOffer';
import { agendaCard, bookFormCard, findTimeCard, logFormCard, meetingNotice, noTimeCard, planCard, type PairView } from './yearCards';
import type { ChangeOutcome, Membership, MeetingRef, YearService } from './yearService';

/**
 * The year in chat: `meetings` (the pair's plan), `agenda` (the next agenda for the caller's role), `pause` and
 * `resume`, and the verbs of the plan, agenda, booking ("Find a time" and its slots, when Graph is configured; the
 * form) and log cards. Who acts comes from the activity; the pair and the
 * meeting are reloaded on every click, and a card made from an earlier state of the meeting gets the current one.
 */
const MAX_PAUSE_WEEKS = 17;

export function yearFeature(service: YearService, personName: (id: string) => string): BotFeature {
  const viewOf = async (m: Membership): Promise<PairView> => {
    const cohortYear = await service.cohortYear(m.plan.cohortId);
    if (!cohortYear) throw new AppError('NotFound', 'Your year has not started yet.');
    return { plan: m.plan, role: m.role, partnerName: personName(m.partnerId), agendas: cohortYear.agendas, findTime: service.canFindTime };
  };
  const notPaired = (): CardJson =>
    noticeCard({ title: 'No meetings yet', lines: ['You are not in a mentoring pair yet. Your meetings appear here once the taskforce confirms the pairs.'] });
  const current = async (actor: Actor): Promise<Membership | undefined> => (await service.membershipsOf(actor.id))[0];
  const planOf = async (actor: Actor): Promise<CardJson> => {
    const m = await current(actor);
    if (!m) return notPaired();
    const notes = await service.notesFor(actor.id, m.plan);
    return planCard(await viewOf(m), new Map([...notes].map(([n, note]) => [n, note.note])));
  };
  const nextAgenda = async (actor: Actor): Promise<CardJson> => {
    const m = await current(actor);
    if (!m) return notPaired();
    const next = nextMeeting(m.plan);
    if (!next) return noticeCard({ title: 'Your four meetings are done', lines: ['There is no agenda left for this year. Thank you for taking part.'] });
    return agendaCard(await viewOf(m), next);
  };
  const reply = (card: CardJson, summary: string): ChatReply => ({ cards: [{ card, summary }] });

  /** A verb's answer: AppErrors (another pair's meeting, a dissolved pair) become a clear card, never an error. */
  const guarded =
    (handle: (actor: Actor, data: Readonly<Record<string, unknown>>) => Promise<CardJson>) =>
    async (actor: Actor, data: Readonly<Record<string, unknown>>): Promise<CardActionResult> => {
      try {
        return { card: await handle(actor, data) };
      } catch (error) {
        if (error instanceof AppError)
          return { card: noticeCard({ title: 'Nothing was changed', lines: [error.userMessage], actions: [{ title: 'My meetings', verb: 'year.plan' }] }) };
        throw error;
      }
    };

  const refOf = (data: Readonly<Record<string, unknown>>): MeetingRef & { version: number } => {
    const meeting = Number(data.meeting);
    const version = Number(data.version);
    if (typeof data.cohortId !== 'string' || typeof data.executiveId !== 'string' || ![1, 2, 3, 4].includes(meeting) || !Number.isInteger(version)) {
      throw new AppError('BadRequest', 'This card is out of date. Type "meetings" to see your plan.');
    }
    return { cohortId: data.cohortId, executiveId: data.executiveId, meeting: meeting as MeetingNumber, version };
  };
  const meetingOf = async (actor: Actor, data: Readonly<Record<string, unknown>>) => {
    const ref = refOf(data);
    const m = await service.membership(actor.id, ref);
    return { ref, view: await viewOf(m), meeting: m.plan.meetings[ref.meeting - 1] };
  };

  /** A Graph that did not answer (after the client's retries): nothing was booked; say so, with another try and the form. */
  const orCalendarsDown =
    (handle: (actor: Actor, data: Readonly<Record<string, unknown>>) => Promise<CardJson>) =>
    async (actor: Actor, data: Readonly<Record<string, unknown>>): Promise<CardJson> => {
      try {
        return await handle(actor, data);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'Unreachable') throw error;
        const { view, meeting } = await meetingOf(actor, data);
        return noTimeCard(view, meeting, 'unreachable');
      }
    };

  /** The answer to "Find a time": the common slots, or why there are none, with the form as the way out. */
  const findTime = async (actor: Actor, data: Readonly<Record<string, unknown>>): Promise<CardJson> => {
    const { membership, meeting, found } = await service.findTime(actor.id, refOf(data));
    const view = await viewOf(membership);
    if (meeting.status === 'held' || meeting.status === 'missed') return meetingNotice(view, meeting, 'Nothing to book', []);
    if (!found) return bookFormCard(view, meeting);
    if (!found.ok) return noTimeCard(view, meeting, 'closed' in found ? 'closed' : 'unreadable');
    if (found.slots.length === 0) return noTimeCard(view, meeting, 'noSlot');
    return findTimeCard(view, meeting, slotButtons(found.slots, service.calendar), service.calendar.timeZone);
  };

  /** A slot chosen on the card; without Graph (the setting removed since the card was sent), the form instead. */
  const bookSlot = async (actor: Actor, data: Readonly<Record<string, unknown>>): Promise<CardJson> => {
    const ref = refOf(data);
    if (!service.canFindTime) {
      const { view, meeting } = await meetingOf(actor, data);
      return bookFormCard(view, meeting);
    }
    return afterChange(actor, await service.bookSlot(actor.id, ref, data, ref.version), 'book');
  };

  const afterChange = async (actor: Actor, outcome: ChangeOutcome, form: 'book' | 'log'): Promise<CardJson> => {
    const view = await viewOf({
      plan: outcome.plan,
      role: actor.id === outcome.plan.mentorId ? 'mentor' : 'executive',
      partnerId: actor.id === outcome.plan.mentorId ? outcome.plan.executiveId : outcome.plan.mentorId,
    });
    const meeting = outcome.meeting;
    switch (outcome.kind) {
      case 'changed':
        return meetingNotice(view, meeting, form === 'book' ? `Meeting ${meeting.number} is booked` : `Meeting ${meeting.number} is logged`, [
          ...(form === 'book'
            ? [`${view.partnerName} can see it in their plan. You will both get the agenda the day before.`, ...calendarLines(meeting)]
            : ['Thank you. It counts for this quarter.']),
          ...outcome.notices,
        ]);
      case 'unchanged':
        return meetingNotice(view, meeting, form === 'book' ? `Meeting ${meeting.number} is already booked` : `Meeting ${meeting.number} is already logged`, []);
      case 'stale':
        return meetingNotice(view, meeting, 'This card was out of date', ['The meeting changed since this card was sent, so nothing was changed. Here is where it stands now.']);
      case 'refused':
        return meetingNotice(view, meeting, 'Nothing was changed', [outcome.message]);
      case 'invalid':
        return form === 'book'
          ? bookFormCard(view, meeting, { values: outcome.values, errors: outcome.errors, formError: 'Please check the highlighted answers.' })
          : logFormCard(view, meeting, { values: outcome.values, errors: outcome.errors, formError: 'Please check the highlighted answers.' });
    }
  };

  return {
    welcomeActions: async (actor): Promise<WelcomeAction[]> => ((await current(actor)) ? [{ title: 'My meetings', verb: 'year.plan' }] : []),
    commands: {
      meetings: { description: 'Your four meetings of the year: book them and log them.', handle: async (actor) => reply(await planOf(actor), 'Your meetings') },
      agenda: { description: 'The agenda of your next meeting, for your role.', handle: async (actor) => reply(await nextAgenda(actor), 'Your next agenda') },
      pause: {
        description: 'Pause reminders for a few weeks (leave, travel): "pause 3".',
        handle: async (actor, args) => reply(await pause(service, actor, args), 'Reminders paused'),
      },
      resume: {
        description: 'Start reminders again after a pause.',
        handle: async (actor) => {
          const ended = await service.resume(actor.id);
          return reply(
            noticeCard({
              title: ended > 0 ? 'Reminders are back on' : 'You had no pause',
              lines: [ended > 0 ? 'You will get reminders for your meetings again.' : 'Your reminders are on.'],
            }),
            'Reminders',
          );
        },
      },
    },
    verbs: {
      'year.plan': guarded((actor) => planOf(actor)),
      'year.agendaView': guarded(async (actor, data) => {
        const { view, meeting } = await meetingOf(actor, data);
        return agendaCard(view, meeting);
      }),
      'year.bookForm': guarded(async (actor, data) => {
        const { view, meeting } = await meetingOf(actor, data);
        if (meeting.status === 'held' || meeting.status === 'missed') return meetingNotice(view, meeting, 'Nothing to book', []);
        return bookFormCard(view, meeting);
      }),
      'year.logForm': guarded(async (actor, data) => {
        const { view, meeting } = await meetingOf(actor, data);
        return logFormCard(view, meeting);
      }),
      'year.findTime': guarded(orCalendarsDown(findTime)),
      'year.bookSlot': guarded(orCalendarsDown(bookSlot)),
      'year.book': guarded(
        orCalendarsDown(async (actor, data) => {
          const ref = refOf(data);
          return afterChange(actor, await service.book(actor.id, ref, data, ref.version), 'book');
        }),
      ),
      'year.log': guarded(async (actor, data) => {
        const ref = refOf(data);
        return afterChange(actor, await service.log(actor.id, ref, data, ref.version), 'log');
      }),
    },
  };
}

/** What a booking in both calendars means for the two people. */
function calendarLines(meeting: Meeting): string[] {
  if (!meeting.calendarEvent) return [];
  return [meeting.calendarEvent.joinUrl ? 'The invitation is in both your calendars, with a Teams link.' : 'The invitation is in both your calendars (in person, no Teams link).'];
}

/** `pause 3` (weeks) or `pause 2027-08-14` (the last day). */
async function pause(service: YearService, actor: Actor, args: string): Promise<CardJson> {
  const word = args.trim().split(/\s+/)[0] ?? '';
  const today = service.today();
  let until: string | undefined;
  if (/^\d{1,2}$/.test(word) && Number(word) >= 1 && Number(word) <= MAX_PAUSE_WEEKS) until = addDays(today, Number(word) * 7 - 1);
  else if (/^\d{4}-\d{2}-\d{2}$/.test(word)) until = word;
  if (!until) {
    return noticeCard({
      title: 'How long a pause?',
      lines: [`Say "pause" and a number of weeks from 1 to ${MAX_PAUSE_WEEKS}, for example "pause 3", or the last day, for example "pause ${addDays(today, 20)}".`],
    });
  }
  const result = await service.pause(actor.id, { until });
  if (!result.ok) return noticeCard({ title: 'Reminders were not paused', lines: [result.error] });
  return noticeCard({
    title: 'Reminders paused',
    lines: [
      `You get no reminders from ${readableDay(result.pause.from)} to ${readableDay(result.pause.until)}. Those due meanwhile come after, if there is still time. Say "resume" to end the pause early.`,
    ],
  });
}
