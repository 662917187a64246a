import { z } from 'zod';
import type { AgendaSet } from '../agendaRules';
import type { Pause } from '../pauseRules';
import { PLACE_KINDS, type Meeting, type MeetingNumber, type PlaceKind } from '../yearPlan';

/** The year tables' JSON columns, checked when read back (bot/storage/rowJson.ts). */
const MEETING_NUMBER: z.ZodType<MeetingNumber> = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const PLACE_KIND: z.ZodType<PlaceKind> = z.custom<PlaceKind>((value) => (PLACE_KINDS as readonly unknown[]).includes(value), 'not a place');

export const AGENDA_SET: z.ZodType<AgendaSet> = z.object({
  version: z.number().int(),
  templates: z.array(
    z.object({
      id: z.string(),
      meeting: MEETING_NUMBER,
      title: z.string(),
      purpose: z.string(),
      mentorQuestions: z.array(z.string()),
      executiveQuestions: z.array(z.string()),
      checklist: z.array(z.object({ id: z.string(), text: z.string() })),
    }),
  ),
});

export const PAUSES: z.ZodType<Pause[]> = z.array(z.object({ from: z.string(), until: z.string() }));

export const MEETINGS: z.ZodType<Meeting[]> = z.array(
  z.object({
    number: MEETING_NUMBER,
    agendaId: z.string(),
    window: z.object({ quarter: MEETING_NUMBER, opensOn: z.string(), closesOn: z.string() }),
    status: z.enum(['planned', 'booked', 'held', 'missed']),
    booking: z
      .object({
        date: z.string(),
        time: z.string().optional(),
        durationMinutes: z.number(),
        placeKind: PLACE_KIND,
        place: z.string(),
        bookedBy: z.string(),
        bookedAt: z.string(),
      })
      .optional(),
    calendarEvent: z.object({ id: z.string(), joinUrl: z.string().optional() }).optional(),
    log: z.object({ heldOn: z.string(), where: PLACE_KIND, note: z.string(), flaggedForTaskforce: z.boolean() }).optional(),
    revision: z.number().int(),
    history: z.array(
      z.object({
        what: z.enum(['booked', 'rescheduled', 'unbooked', 'held', 'logCorrected', 'missed']),
        at: z.string(),
        by: z.string().optional(),
        date: z.string().optional(),
      }),
    ),
  }),
);
