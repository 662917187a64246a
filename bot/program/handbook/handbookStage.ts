import type { ProgramStage, StageDefinition, StageParts } from '../programStage';
import { handbookFeature } from './handbookFeature';
import { handbookRoutes } from './handbookRoutes';
import { HandbookService } from './handbookService';
import { HANDBOOK_TABLE, HandbookStore } from './handbookStore';

/** The handbook as a stage: reference sections and FAQs for everyone, in chat and in the tab; edited by the taskforce. */
export function createHandbookStage(parts: StageParts): ProgramStage & { handbook: HandbookService } {
  const handbook = new HandbookService(new HandbookStore(parts.table(HANDBOOK_TABLE)), () => parts.clock());
  return { handbook, feature: handbookFeature(handbook), routes: handbookRoutes(handbook) };
}

export const handbookStage: StageDefinition = { tables: [HANDBOOK_TABLE], create: createHandbookStage };
