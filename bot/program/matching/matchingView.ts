import type { StoredApplication } from '../applications/applicationStore';
import type { Pair, PersonSummary, Proposal } from './api';
import { formulaText, type ScoringRules } from './matchingRules';
import type { ConfirmedPair } from './matchingStore';
import { topicTitles, type MatchingContext } from './matchingService';

/**
 * What the tab receives (api.ts): the proposal for the taskforce, and the confirmed pairs. Names come from the
 * applications (as the applicants gave them), the directory for anyone no longer accepted.
 */
export function proposalView(ctx: MatchingContext, scoring: ScoringRules, snapshot: (id: string) => Omit<PersonSummary, 'id'>): Proposal {
  const { state, cohort } = ctx;
  const person = (id: string): PersonSummary => ({ id, ...snapshot(id) });
  const byName = (a: { executive: PersonSummary }, b: { executive: PersonSummary }) => a.executive.name.localeCompare(b.executive.name);
  const pairs = state.pairs
    .map((p) => ({
      executive: person(p.executiveId),
      mentor: person(p.mentorId),
      score: p.score,
      sharedTopics: topicTitles(cohort, p.sharedTopicIds),
      chainExcluded: p.chainExcluded,
      locked: p.locked,
      source: p.source,
      override: p.override,
    }))
    .sort(byName);
  const unmatched = state.unmatched
    .map((u) => ({ executive: person(u.executiveId), reason: u.reason, explanation: u.explanation, chainExcluded: u.chainExcluded, eligibleMentors: u.eligibleMentors }))
    .sort(byName);
  const paired = new Set(state.pairs.map((p) => p.mentorId));
  const freeMentors = [...ctx.mentors.values()]
    .filter((m) => !paired.has(m.personId))
    .map(summary)
    .sort((a, b) => a.name.localeCompare(b.name));
  const bans = state.bans.map((b) => ({ ...b, executiveName: snapshot(b.executiveId).name, mentorName: snapshot(b.mentorId).name }));
  return {
    cohortId: cohort.id,
    status: state.status,
    etag: state.etag,
    runAt: state.runAt,
    runBy: state.runBy,
    runByName: state.runByName,
    confirmedAt: state.confirmedAt,
    confirmedBy: state.confirmedBy,
    formula: { ...scoring, text: formulaText(scoring) },
    counts: {
      executives: ctx.executives.size,
      mentors: ctx.mentors.size,
      matched: pairs.length,
      unmatched: unmatched.length,
      freeMentors: freeMentors.length,
      totalScore: state.pairs.reduce((sum, p) => sum + p.score, 0),
    },
    pairs,
    unmatched,
    freeMentors,
    bans,
  };
}

function summary(a: StoredApplication): PersonSummary {
  return { id: a.personId, name: a.name, jobTitle: a.jobTitle ?? null, department: a.department ?? null };
}

/** A confirmed pair for the taskforce's Pairs page. */
export function pairView(p: ConfirmedPair): Pair {
  return {
    cohortId: p.cohortId,
    executive: { id: p.executiveId, ...p.executive },
    mentor: { id: p.mentorId, ...p.mentor },
    sharedTopics: p.sharedTopics,
    score: p.score,
    status: 'confirmed',
    confirmedAt: p.confirmedAt,
    confirmedBy: p.confirmedBy,
    introductions: { executive: p.executiveIntro, mentor: p.mentorIntro },
    override: p.override,
  };
}
