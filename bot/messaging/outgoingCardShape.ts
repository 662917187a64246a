import { z } from 'zod';
import type { OutgoingCard } from './messenger';

/** An OutgoingCard as the messaging tables keep it (kept cards, batches), checked when read back. */
export const OUTGOING_CARD: z.ZodType<OutgoingCard> = z.object({ card: z.record(z.unknown()), summary: z.string() });
