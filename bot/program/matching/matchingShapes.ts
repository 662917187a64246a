import { z } from 'zod';
import type { Override, Rule } from './api';
import type { PersonSnapshot } from './matchingStore';
import type { Ban, ProposalState, ProposedPair, UnmatchedExecutive } from './proposalRules';

/** The matching tables' JSON columns, checked when read back (bot/storage/rowJson.ts). */
export const RULES: z.ZodType<Rule[]> = z.array(z.enum(['chainOfCommand', 'pairedBefore', 'banned']));

const OVERRIDE: z.ZodType<Override> = z.object({ rules: RULES, reason: z.string(), by: z.string(), byName: z.string(), at: z.string() });

export const PAIR_OVERRIDE: z.ZodType<{ rules: Rule[]; reason: string }> = z.object({ rules: RULES, reason: z.string() });

export const PERSON_SNAPSHOT: z.ZodType<PersonSnapshot> = z.object({ name: z.string(), jobTitle: z.string().nullable(), department: z.string().nullable() });

export const STRINGS: z.ZodType<string[]> = z.array(z.string());

const PROPOSED_PAIR: z.ZodType<ProposedPair> = z.object({
  executiveId: z.string(),
  mentorId: z.string(),
  score: z.number(),
  sharedTopicIds: STRINGS,
  chainExcluded: z.number(),
  locked: z.boolean(),
  source: z.enum(['solver', 'manual']),
  override: OVERRIDE.nullable(),
});

const UNMATCHED: z.ZodType<UnmatchedExecutive> = z.object({
  executiveId: z.string(),
  reason: z.enum(['noMentors', 'chainOfCommand', 'allExcluded', 'lockedAway', 'outscored', 'changedByHand']),
  explanation: z.string(),
  chainExcluded: z.number(),
  eligibleMentors: z.number(),
});

const BAN: z.ZodType<Ban> = z.object({ executiveId: z.string(), mentorId: z.string(), reason: z.string(), by: z.string(), byName: z.string(), at: z.string() });

export const PROPOSAL: z.ZodType<ProposalState> = z.object({
  status: z.enum(['none', 'proposed', 'confirmed']),
  runAt: z.string().nullable(),
  runBy: z.string().nullable(),
  runByName: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  pairs: z.array(PROPOSED_PAIR),
  unmatched: z.array(UNMATCHED),
  bans: z.array(BAN),
});
