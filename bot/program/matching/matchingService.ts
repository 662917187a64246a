import { AppError } from '../../errors';
import { ConflictError } from '../../storage/storageErrors';
import type { StoredApplication } from '../applications/applicationStore';
import type { IntakeContext } from '../intake/intakeContext';
import type { StoredCohort } from '../cohorts/cohortStore';
import { OVERRIDE_REASON, type Rule } from './api';
import { introductionCard } from './introductionCard';
import { pairScore, violationsOf, type HardRules, type PairRef, type Participant, type ScoringRules, type Violation } from './matchingRules';
import type { AuditAction, AuditLog, ConfirmedPair, IntroductionStatus, PairStore, PersonSnapshot, ProposalStore, StoredProposal } from './matchingStore';
import { pairsOfPerson, type PersonPair } from './personPairs';
import { runMatching, withAssignment, withBan, withLock, withoutBan, withRun, type ProposalState, type ProposedPair } from './proposalRules';

export interface MatchingStores {
  intake: IntakeContext;
  proposals: ProposalStore;
  pairs: PairStore;
  audit: AuditLog;
  scoring: ScoringRules;
}

export interface Actor {
  id: string;
  name: string;
}

/** Everything one request needs about a cohort's matching, read fresh. */
export interface MatchingContext {
  cohort: StoredCohort;
  executives: Map<string, StoredApplication>;
  mentors: Map<string, StoredApplication>;
  state: StoredProposal;
  rules: HardRules;
}

/** How long confirming waits for the introductions before answering with those still being sent. */
const INTRODUCTIONS_WAIT_MS = 10_000;

export function introductionsKey(cohortId: string): string {
  return `cohort.${cohortId}.introductions`;
}

/**
 * Matching for a cohort: run, review (lock, ban, place by hand with rules checked again) and confirm. Every change is
 * one ETag-guarded write of the cohort's proposal, so concurrent reviewers never overwrite each other and a proposal is
 * confirmed once; each change names the version its author saw (`etag`, from If-Match), and a stale one is a 409.
 */
export class MatchingService {
  constructor(private readonly s: MatchingStores) {}

  async load(cohortId: string): Promise<MatchingContext> {
    const cohort = await this.s.intake.cohorts.get(cohortId);
    if (!cohort) throw new AppError('NotFound', 'That cohort was not found.');
    const accepted = await this.s.intake.applications.listCohort(cohort.id, { stage: 'accepted' });
    const executives = new Map(accepted.filter((a) => a.kind === 'executive').map((a) => [a.personId, a]));
    const mentors = new Map(accepted.filter((a) => a.kind === 'mentor').map((a) => [a.personId, a]));
    const state = await this.s.proposals.get(cohort.id);
    const rules: HardRules = { hierarchy: this.s.intake.parts.directory(), pairedBefore: await this.earlierPairs(cohort.id), bans: state.bans };
    return { cohort, executives, mentors, state, rules };
  }

  /** Confirmed pairs of every other cohort (a handful of cohorts, one partition each). */
  private async earlierPairs(cohortId: string): Promise<PairRef[]> {
    const others = (await this.s.intake.cohorts.list()).filter((c) => c.id !== cohortId);
    const lists = await Promise.all(others.map((c) => this.s.pairs.listCohort(c.id)));
    return lists.flat().map((p) => ({ executiveId: p.executiveId, mentorId: p.mentorId }));
  }

  async run(cohortId: string, actor: Actor, etag: string): Promise<MatchingContext> {
    const ctx = await this.editable(cohortId, etag);
    const result = runMatching({
      executives: [...ctx.executives.values()].map(participant),
      mentors: [...ctx.mentors.values()].map(participant),
      topicIds: ctx.cohort.topics.map((t) => t.id),
      rules: ctx.rules,
      scoring: this.s.scoring,
      locks: ctx.state.pairs.filter((p) => p.locked),
    });
    const at = this.now();
    return this.save(ctx, withRun(ctx.state, result, actor, at), {
      at,
      actor,
      action: 'run',
      reason: `${result.pairs.length} pairs, ${result.unmatched.length} unmatched, total ${result.totalScore}`,
    });
  }

  async lock(cohortId: string, actor: Actor, executiveId: string, locked: boolean, etag: string): Promise<MatchingContext> {
    const ctx = await this.editable(cohortId, etag);
    const next = withLock(ctx.state, executiveId, locked);
    if (!next) throw new AppError('BadRequest', 'That executive has no proposed pair to lock.');
    const pair = next.pairs.find((p) => p.executiveId === executiveId);
    return this.save(ctx, next, { at: this.now(), actor, action: locked ? 'lock' : 'unlock', executiveId, mentorId: pair?.mentorId });
  }

  async ban(cohortId: string, actor: Actor, pair: PairRef, reason: string, etag: string): Promise<MatchingContext> {
    const ctx = await this.editable(cohortId, etag);
    this.participants(ctx, pair);
    const at = this.now();
    const next = withBan(ctx.state, { ...pair, reason, by: actor.id, byName: actor.name, at });
    return this.save(ctx, next, { at, actor, action: 'ban', ...pair, reason });
  }

  async unban(cohortId: string, actor: Actor, pair: PairRef, etag: string): Promise<MatchingContext> {
    const ctx = await this.editable(cohortId, etag);
    if (!ctx.state.bans.some((b) => b.executiveId === pair.executiveId && b.mentorId === pair.mentorId)) throw new AppError('NotFound', 'That pair is not banned.');
    return this.save(ctx, withoutBan(ctx.state, pair.executiveId, pair.mentorId), { at: this.now(), actor, action: 'unban', ...pair });
  }

  /** The rules a pair breaks, with its score: what the tab shows before placing a pair by hand. */
  async check(cohortId: string, pair: PairRef): Promise<{ violations: Violation[]; score: number; sharedTopics: string[] }> {
    const ctx = await this.load(cohortId);
    const { executive, mentor } = this.participants(ctx, pair);
    const { score, sharedTopicIds } = pairScore(participant(executive), participant(mentor), this.s.scoring);
    return { violations: violationsOf(pair.executiveId, pair.mentorId, ctx.rules), score, sharedTopics: topicTitles(ctx.cohort, sharedTopicIds) };
  }

  /**
   * Places a mentor by hand (locked), or clears the executive's pair. A broken rule needs a written reason ('' when none
   * was given), audited.
   */
  async assign(cohortId: string, actor: Actor, executiveId: string, mentorId: string | null, overrideReason: string, etag: string): Promise<MatchingContext> {
    const ctx = await this.editable(cohortId, etag);
    const at = this.now();
    if (!ctx.executives.has(executiveId)) throw new AppError('BadRequest', 'That person is not an accepted executive of this cohort.');
    const chainExcluded = [...ctx.mentors.keys()].filter((m) => ctx.rules.hierarchy.isInChainOfCommand(m, executiveId)).length;
    if (mentorId === null) {
      const had = ctx.state.pairs.find((p) => p.executiveId === executiveId);
      return this.save(ctx, withAssignment(ctx.state, executiveId, null, chainExcluded), { at, actor, action: 'unassign', executiveId, mentorId: had?.mentorId });
    }
    const { executive, mentor } = this.participants(ctx, { executiveId, mentorId });
    const violations = violationsOf(executiveId, mentorId, ctx.rules);
    let override: ProposedPair['override'] = null;
    if (violations.length > 0) {
      if (!overrideReason) {
        throw new AppError('BadRequest', `This pair breaks a rule: ${violations.map((v) => v.message).join(' ')} To place it anyway, give a written reason for the override.`);
      }
      if ([...overrideReason].length < OVERRIDE_REASON.min) throw new AppError('BadRequest', `Please explain the override in at least ${OVERRIDE_REASON.min} characters.`);
      override = { rules: violations.map((v) => v.rule), reason: overrideReason, by: actor.id, byName: actor.name, at };
    }
    const { score, sharedTopicIds } = pairScore(participant(executive), participant(mentor), this.s.scoring);
    const pair: ProposedPair = { executiveId, mentorId, score, sharedTopicIds, chainExcluded, locked: true, source: 'manual', override };
    const saved = await this.save(ctx, withAssignment(ctx.state, executiveId, pair, chainExcluded), { at, actor, action: 'assign', executiveId, mentorId });
    if (override) await this.audit(cohortId, { at, actor, action: 'override', executiveId, mentorId, rules: override.rules, reason: override.reason });
    return saved;
  }

  /**
   * Confirms the proposal once: the write that turns it to 'confirmed' is ETag-guarded, so of two confirmations only one
   * creates pairs and sends cards; the other (and any later one) gets the same pairs back, whatever version it names.
   * Turns the proposal into confirmed pairs and introduces both people of each pair. The introductions go out as one
   * durable send batch (key `cohort.<id>.introductions`): recorded before anything is sent, resumed after a restart,
   * nobody introduced twice. Confirming again returns the same pairs and completes whatever an interruption left undone.
   */
  async confirm(cohortId: string, actor: Actor, etag: string): Promise<{ pairs: ConfirmedPair[]; unreachable: PersonSnapshot[]; alreadyConfirmed: boolean }> {
    const ctx = await this.load(cohortId);
    if (ctx.state.status === 'confirmed') return this.completeConfirmation(ctx, true);
    if (etag !== ctx.state.etag) throw conflict();
    if (ctx.state.status === 'none' || ctx.state.pairs.length === 0) throw new AppError('BadRequest', 'There are no proposed pairs to confirm. Run matching first.');
    const at = this.now();
    const next: ProposalState = { ...ctx.state, status: 'confirmed', confirmedAt: at, confirmedBy: actor.id };
    try {
      await this.s.proposals.save(ctx.state, next);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const now = await this.load(cohortId);
      if (now.state.status === 'confirmed') return this.completeConfirmation(now, true);
      throw conflict();
    }
    await this.audit(cohortId, { at, actor, action: 'confirm', reason: `${next.pairs.length} pairs` });
    return this.completeConfirmation({ ...ctx, state: { ...ctx.state, ...next } }, false);
  }

  /** Writes the pair rows and starts the introductions (both idempotent), then reports where the introductions stand. */
  private async completeConfirmation(
    ctx: MatchingContext,
    alreadyConfirmed: boolean,
  ): Promise<{ pairs: ConfirmedPair[]; unreachable: PersonSnapshot[]; alreadyConfirmed: boolean }> {
    const pairs = this.frozenPairs(ctx);
    const stored = new Set((await this.s.pairs.listCohort(ctx.cohort.id)).map((p) => p.executiveId));
    const missing = pairs.filter((p) => !stored.has(p.executiveId));
    if (missing.length > 0) await this.s.pairs.putAll(missing);
    // The year's stages (orientation, meetings, surveys) start from here; each subscriber is idempotent.
    await this.s.intake.parts.events.publish('pairsConfirmed', { cohortId: ctx.cohort.id });
    const key = introductionsKey(ctx.cohort.id);
    const batches = this.s.intake.parts.batches;
    await batches.start({
      key,
      label: `Introductions for ${ctx.cohort.name}`,
      recipients: pairs.flatMap((p) => [
        { personId: p.executiveId, message: introductionCard({ role: 'executive', cohortName: ctx.cohort.name, partner: p.mentor, sharedTopics: p.sharedTopics }) },
        { personId: p.mentorId, message: introductionCard({ role: 'mentor', cohortName: ctx.cohort.name, partner: p.executive, sharedTopics: p.sharedTopics }) },
      ]),
    });
    // A cohort's introductions usually take a few seconds; a large one keeps going in the background ("Sending").
    await Promise.race([batches.settled(key), new Promise((resolve) => setTimeout(resolve, INTRODUCTIONS_WAIT_MS).unref())]);
    const confirmed = await this.confirmedPairs(ctx);
    const unreachable = confirmed.flatMap((p) => [
      ...(p.executiveIntro === 'unreachable' || p.executiveIntro === 'kept' ? [p.executive] : []),
      ...(p.mentorIntro === 'unreachable' || p.mentorIntro === 'kept' ? [p.mentor] : []),
    ]);
    return { pairs: confirmed, unreachable, alreadyConfirmed };
  }

  /** Sends the introductions again to those they did not reach; waits a little for them, as confirming does. */
  async resendIntroductions(cohortId: string): Promise<{ tried: number; sent: number; kept: number; failed: number; pairs: ConfirmedPair[] }> {
    const ctx = await this.load(cohortId);
    if (ctx.state.status !== 'confirmed') throw new AppError('BadRequest', 'The pairs of this cohort are not confirmed yet, so no introductions were sent.');
    const key = introductionsKey(ctx.cohort.id);
    const batches = this.s.intake.parts.batches;
    const again = await batches.resend(key);
    if (again.length > 0) await Promise.race([batches.settled(key), new Promise((resolve) => setTimeout(resolve, INTRODUCTIONS_WAIT_MS).unref())]);
    const states = await batches.deliveryStatuses(key);
    const count = (wanted: string[]) => again.filter((id) => wanted.includes(states.get(id) ?? '')).length;
    return { tried: again.length, sent: count(['sent']), kept: count(['kept']), failed: count(['failed', 'unreachable']), pairs: await this.confirmedPairs(ctx) };
  }

  /** The confirmed pairs of a cohort, with where each introduction stands. */
  async confirmedPairs(ctx: MatchingContext): Promise<ConfirmedPair[]> {
    const stored = new Map((await this.s.pairs.listCohort(ctx.cohort.id)).map((p) => [p.executiveId, p]));
    if (ctx.state.status !== 'confirmed') return [...stored.values()].map((p) => ({ ...p, executiveIntro: 'pending', mentorIntro: 'pending' }));
    const introductions = await this.s.intake.parts.batches.deliveryStatuses(introductionsKey(ctx.cohort.id));
    const introduction = (personId: string): IntroductionStatus => {
      const status = introductions.get(personId);
      return status === 'sent' || status === 'kept' ? status : status === 'unreachable' || status === 'failed' ? 'unreachable' : 'pending';
    };
    return this.frozenPairs(ctx).map((p) => ({
      ...(stored.get(p.executiveId) ?? p),
      executiveIntro: introduction(p.executiveId),
      mentorIntro: introduction(p.mentorId),
    }));
  }

  /** The pairs as the confirmed proposal froze them (rows not written yet included). */
  private frozenPairs(ctx: MatchingContext): ConfirmedPair[] {
    return ctx.state.pairs.map((p) => ({
      cohortId: ctx.cohort.id,
      executiveId: p.executiveId,
      mentorId: p.mentorId,
      executive: this.snapshot(ctx, p.executiveId),
      mentor: this.snapshot(ctx, p.mentorId),
      sharedTopics: topicTitles(ctx.cohort, p.sharedTopicIds),
      score: p.score,
      confirmedAt: ctx.state.confirmedAt ?? '',
      confirmedBy: ctx.state.confirmedBy ?? '',
      override: p.override && { rules: p.override.rules, reason: p.override.reason },
      executiveIntro: 'pending',
      mentorIntro: 'pending',
    }));
  }

  /** The person's confirmed pairs with their cohort, newest cohort first. */
  pairsOf(personId: string): Promise<PersonPair[]> {
    return pairsOfPerson(this.s.pairs, this.s.intake.cohorts, personId);
  }

  snapshot(ctx: MatchingContext, personId: string): PersonSnapshot {
    const a = ctx.executives.get(personId) ?? ctx.mentors.get(personId);
    const p = this.s.intake.parts.directory().getPerson(personId);
    return { name: a?.name ?? p?.name ?? 'Unknown person', jobTitle: a?.jobTitle ?? p?.jobTitle ?? null, department: a?.department ?? p?.department ?? null };
  }

  private participants(ctx: MatchingContext, pair: PairRef): { executive: StoredApplication; mentor: StoredApplication } {
    const executive = ctx.executives.get(pair.executiveId);
    const mentor = ctx.mentors.get(pair.mentorId);
    if (!executive) throw new AppError('BadRequest', 'That person is not an accepted executive of this cohort.');
    if (!mentor) throw new AppError('BadRequest', 'That person is not an accepted mentor of this cohort.');
    return { executive, mentor };
  }

  private async editable(cohortId: string, etag: string): Promise<MatchingContext> {
    const ctx = await this.load(cohortId);
    if (ctx.state.status === 'confirmed') throw new AppError('Conflict', 'The pairs of this cohort are already confirmed.');
    if (etag !== ctx.state.etag) throw conflict();
    return ctx;
  }

  private async save(ctx: MatchingContext, next: ProposalState, entry: AuditInput): Promise<MatchingContext> {
    let state: StoredProposal;
    try {
      state = await this.s.proposals.save(ctx.state, next);
    } catch (error) {
      if (error instanceof ConflictError) throw conflict();
      throw error;
    }
    await this.audit(ctx.cohort.id, entry);
    return { ...ctx, state, rules: { ...ctx.rules, bans: state.bans } };
  }

  private audit(cohortId: string, entry: AuditInput): Promise<void> {
    return this.s.audit.add(cohortId, {
      at: entry.at,
      by: entry.actor.id,
      byName: entry.actor.name,
      action: entry.action,
      executiveId: entry.executiveId ?? null,
      mentorId: entry.mentorId ?? null,
      rules: entry.rules ?? [],
      reason: entry.reason ?? '',
    });
  }

  private now(): string {
    return this.s.intake.parts.clock().toISOString();
  }
}

interface AuditInput {
  at: string;
  actor: Actor;
  action: AuditAction;
  executiveId?: string;
  mentorId?: string;
  rules?: Rule[];
  reason?: string;
}

function conflict(): AppError {
  return new AppError('Conflict', 'Someone else changed the proposal just now. Please reload it and try again.');
}

export function topicTitles(cohort: Pick<StoredCohort, 'topics'>, ids: readonly string[]): string[] {
  const titles = new Map(cohort.topics.map((t) => [t.id, t.title]));
  return ids.map((id) => titles.get(id) ?? id);
}

function participant(a: StoredApplication): Participant {
  return { id: a.personId, department: a.department, topicIds: a.topicIds };
}
