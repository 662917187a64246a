import type { TableClient } from '@azure/data-tables';
import { DEFAULT_SURVEY_ITEMS, type Score, type SurveyItem } from '../outcomes/surveyItems';
import { z } from 'zod';
import { inPartition } from '../../storage/keys';
import { readJsonColumn } from '../../storage/rowJson';
import { orConflict, orUndefined } from '../../storage/storageErrors';
import type { SurveyRole, SurveyRound } from './api';

/**
 * The surveys in Table storage.
 *
 * - `surveys`: PartitionKey cohort id; RowKey `items` (the cohort's questions, JSON) or `pre` / `post` (a round: its
 *   dates and how many people it went to, by role).
 * - `surveyAnswers`: PartitionKey `<cohort id>:<round>`, RowKey the respondent's pseudonymous key (HMAC of their id);
 *   their role and scores by item id. No name, no id, nothing that leads back to a person without the secret.
 */
export const SURVEY_TABLE = 'surveys';
export const SURVEY_ANSWER_TABLE = 'surveyAnswers';

export interface StoredItems {
  items: SurveyItem[];
  /** '' when the cohort still has the default items (no row yet). */
  etag: string;
}

export interface Round {
  cohortId: string;
  round: SurveyRound;
  opensAt: string;
  remindAt: string;
  closesAt: string;
  /** Set by the job that opened it (cards sent). */
  openedAt: string | null;
  closedAt: string | null;
  invited: Record<SurveyRole, number>;
}

export interface StoredAnswer {
  key: string;
  role: SurveyRole;
  scores: Record<string, Score>;
  updatedAt: string;
  etag: string;
}

interface ItemsEntity {
  partitionKey: string;
  rowKey: 'items';
  items: string;
  updatedAt: string;
}

interface RoundEntity {
  partitionKey: string;
  rowKey: SurveyRound;
  opensAt: string;
  remindAt: string;
  closesAt: string;
  openedAt?: string;
  closedAt?: string;
  invitedExecutives: number;
  invitedMentors: number;
}

interface AnswerEntity {
  partitionKey: string;
  rowKey: string;
  role: SurveyRole;
  scores: string;
  updatedAt: string;
  etag?: string;
}

export class SurveyStore {
  constructor(private readonly table: TableClient) {}

  async items(cohortId: string): Promise<StoredItems> {
    const entity = await orUndefined(() => this.table.getEntity<ItemsEntity>(cohortId, 'items'));
    return entity
      ? { items: readJsonColumn(SURVEY_TABLE, { partitionKey: cohortId, rowKey: 'items' }, 'items', entity.items, ITEMS), etag: entity.etag }
      : { items: DEFAULT_SURVEY_ITEMS.map((item) => ({ ...item, roles: [...item.roles] })), etag: '' };
  }

  /** Writes the items if they are still the version read (`etag` '' for the defaults); a ConflictError otherwise. */
  async putItems(cohortId: string, items: readonly SurveyItem[], etag: string, now: Date): Promise<void> {
    const entity: ItemsEntity = { partitionKey: cohortId, rowKey: 'items', items: JSON.stringify(items), updatedAt: now.toISOString() };
    if (etag === '') await orConflict('survey items', () => this.table.createEntity(entity));
    else await orConflict('survey items', () => this.table.updateEntity(entity, 'Replace', { etag }));
  }

  async round(cohortId: string, round: SurveyRound): Promise<Round | undefined> {
    const entity = await orUndefined(() => this.table.getEntity<RoundEntity>(cohortId, round));
    return entity && roundOf(entity);
  }

  async rounds(cohortId: string): Promise<Round[]> {
    const rounds: Round[] = [];
    for (const round of ['pre', 'post'] as const) {
      const found = await this.round(cohortId, round);
      if (found) rounds.push(found);
    }
    return rounds;
  }

  /** Creates the round unless it exists; returns the round as stored (so planning twice changes nothing). */
  async planRound(round: Round): Promise<Round> {
    try {
      await orConflict('survey round', () => this.table.createEntity(toRoundEntity(round)));
      return round;
    } catch (error) {
      const existing = await this.round(round.cohortId, round.round);
      if (existing) return existing;
      throw error;
    }
  }

  async saveRound(round: Round): Promise<void> {
    await this.table.upsertEntity(toRoundEntity(round), 'Replace');
  }
}

function roundOf(entity: RoundEntity): Round {
  return {
    cohortId: entity.partitionKey,
    round: entity.rowKey,
    opensAt: entity.opensAt,
    remindAt: entity.remindAt,
    closesAt: entity.closesAt,
    openedAt: entity.openedAt ?? null,
    closedAt: entity.closedAt ?? null,
    invited: { executive: entity.invitedExecutives, mentor: entity.invitedMentors },
  };
}

function toRoundEntity(round: Round): RoundEntity {
  return {
    partitionKey: round.cohortId,
    rowKey: round.round,
    opensAt: round.opensAt,
    remindAt: round.remindAt,
    closesAt: round.closesAt,
    ...(round.openedAt ? { openedAt: round.openedAt } : {}),
    ...(round.closedAt ? { closedAt: round.closedAt } : {}),
    invitedExecutives: round.invited.executive,
    invitedMentors: round.invited.mentor,
  };
}

export class AnswerStore {
  constructor(private readonly table: TableClient) {}

  async get(cohortId: string, round: SurveyRound, key: string): Promise<StoredAnswer | undefined> {
    const entity = await orUndefined(() => this.table.getEntity<AnswerEntity>(partitionOf(cohortId, round), key));
    return entity && answerOf(entity);
  }

  async list(cohortId: string, round: SurveyRound): Promise<StoredAnswer[]> {
    const answers: StoredAnswer[] = [];
    const filter = inPartition(partitionOf(cohortId, round));
    for await (const entity of this.table.listEntities<AnswerEntity>({ queryOptions: { filter } })) answers.push(answerOf(entity));
    return answers;
  }

  /**
   * Saves the answers if they are still the version read ('new': none yet). A ConflictError when someone (the same
   * person, on the card and in the tab at once) changed them meanwhile.
   */
  async put(cohortId: string, round: SurveyRound, answer: Omit<StoredAnswer, 'etag'>, version: string): Promise<StoredAnswer> {
    const entity: AnswerEntity = {
      partitionKey: partitionOf(cohortId, round),
      rowKey: answer.key,
      role: answer.role,
      scores: JSON.stringify(answer.scores),
      updatedAt: answer.updatedAt,
    };
    const result =
      version === 'new'
        ? await orConflict('survey answers', () => this.table.createEntity(entity))
        : await orConflict('survey answers', () => this.table.updateEntity(entity, 'Replace', { etag: version }));
    return { ...answer, etag: result.etag ?? '' };
  }
}

function partitionOf(cohortId: string, round: SurveyRound): string {
  return `${cohortId}:${round}`;
}

const ROLE = z.enum(['executive', 'mentor']);
const ITEMS: z.ZodType<SurveyItem[]> = z.array(z.object({ id: z.string(), text: z.string(), roles: z.array(ROLE) }));
const SCORES: z.ZodType<Record<string, Score>> = z.record(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]));

function answerOf(entity: AnswerEntity & { etag?: string }): StoredAnswer {
  return {
    key: entity.rowKey,
    role: entity.role,
    scores: readJsonColumn(SURVEY_ANSWER_TABLE, entity, 'scores', entity.scores, SCORES),
    updatedAt: entity.updatedAt,
    etag: entity.etag ?? '',
  };
}
