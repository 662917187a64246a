import { intakeContext } from '../intake/intakeContext';
import type { ProgramStage, StageDefinition, StageParts } from '../programStage';
import { DEFAULT_SCORING, type ScoringRules } from './matchingRules';
import { MatchingService } from './matchingService';
import { AUDIT_TABLE, AuditLog, PAIR_BY_PERSON_TABLE, PAIR_TABLE, PairStore, PROPOSAL_TABLE, ProposalStore } from './matchingStore';
import { matchingRoutes } from './matchingRoutes';

/**
 * Matching as a stage: the proposal for a cohort's accepted mentors and executives, the taskforce's review and
 * confirmation in the tab, the introduction cards, and each participant's pair. Reads the intake's cohorts and
 * applications; owns the proposal, audit and pair tables.
 */
export const MATCHING_TABLES = [PROPOSAL_TABLE, AUDIT_TABLE, PAIR_TABLE, PAIR_BY_PERSON_TABLE] as const;

export function createMatchingStage(parts: StageParts, scoring: ScoringRules = DEFAULT_SCORING): ProgramStage & { service: MatchingService } {
  const audit = new AuditLog(parts.table(AUDIT_TABLE));
  const service = new MatchingService({
    intake: intakeContext(parts),
    proposals: new ProposalStore(parts.table(PROPOSAL_TABLE)),
    pairs: new PairStore(parts.table(PAIR_TABLE), parts.table(PAIR_BY_PERSON_TABLE)),
    audit,
    scoring,
  });
  return { service, routes: matchingRoutes(service, audit, scoring) };
}

export const matchingStage: StageDefinition = {
  // Reads the intake's cohorts and applications, whose tables the intake stage opens.
  tables: MATCHING_TABLES,
  create: (parts) =>
    createMatchingStage(parts, { perSharedTopic: parts.config.program.matchPointsPerSharedTopic, differentDepartmentBonus: parts.config.program.matchCrossDepartmentBonus }),
};
