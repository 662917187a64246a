import { z } from 'zod';
import type { EventDetails } from './eventDetails';

/** A group session's details as the orientation and ice-breaker tables keep them, checked when read back. */
export const EVENT_DETAILS_SHAPE = z.object({
  date: z.string(),
  time: z.string(),
  durationMinutes: z.number(),
  place: z.string(),
  link: z.string(),
}) satisfies z.ZodType<EventDetails>;
