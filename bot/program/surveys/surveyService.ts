import { AppError } from '../../errors';
import { ConflictError } from '../../storage/storageErrors';
import type { CohortStore, StoredCohort } from '../cohorts/cohortStore';
import type { PairStore } from '../matching/matchingStore';
import { pseudonymousKey } from '../outcomes/pseudonym';
import { minimumGroupSize } from '../outcomes/reportingRules';
import { surveyResults, type SurveyAnswer } from '../outcomes/resultsRules';
import { itemsFor, readSurveyItems, SurveyItemsInputError, type SurveyItem } from '../outcomes/surveyItems';
import type { StageParts } from '../programStage';
import { cohortProgramYear } from '../year/yearPlan';
import type { RoundJson, SurveyResults, SurveyRole, SurveyRound } from './api';
import { surveyMessage, type SurveyCardInput } from './surveyCards';
import { readAnswers, roundDates, roundState } from './surveyRounds';
import type { AnswerStore, Round, StoredAnswer, SurveyStore } from './surveyStore';

export const SURVEY_JOB_KINDS = { open: 'survey.open', remind: 'survey.remind', close: 'survey.close' } as const;

export interface SurveyDeps {
  parts: StageParts;
  cohorts: CohortStore;
  pairs: PairStore;
  surveys: SurveyStore;
  answers: AnswerStore;
  /** The pseudonym secret; undefined when not configured (answers are then refused). */
  secret: string | undefined;
}

export interface Participant {
  id: string;
  role: SurveyRole;
}

/** What became of an answer: the card and the tab show each differently. */
export type AnswerOutcome =
  | { kind: 'saved'; card: SurveyCardInput; answer: StoredAnswer }
  | { kind: 'invalid'; card: SurveyCardInput; error: string }
  | { kind: 'closed' }
  | { kind: 'notOpen' }
  | { kind: 'notYours' };

export const SECRET_MISSING = 'Surveys cannot take answers yet: the service has no pseudonym secret configured. Please tell the taskforce.';
const CHANGED_MEANWHILE = 'Your answers were changed somewhere else just now. Please reload and try again.';

/**
 * The pre and post surveys of a cohort: planning the rounds when pairs are confirmed, opening (cards to every
 * participant), reminding those who have not answered, taking answers under the pseudonymous key, and the results.
 * Who answered is only ever worked out in memory (to remind the others); nothing stored links an answer to a person.
 */
export class SurveyService {
  constructor(private readonly deps: SurveyDeps) {}

  private get minimumGroupSize(): number {
    return minimumGroupSize(this.deps.parts.config.program.surveyMinimumGroupSize);
  }

  private get now(): Date {
    return this.deps.parts.clock();
  }

  async cohort(cohortId: string): Promise<StoredCohort> {
    const cohort = await this.deps.cohorts.get(cohortId);
    if (!cohort) throw new AppError('NotFound', 'That cohort does not exist.');
    return cohort;
  }

  async participants(cohortId: string): Promise<Participant[]> {
    const pairs = await this.deps.pairs.listCohort(cohortId);
    return pairs.flatMap((pair) => [
      { id: pair.executiveId, role: 'executive' as const },
      { id: pair.mentorId, role: 'mentor' as const },
    ]);
  }

  private keyOf(personId: string): string {
    if (!this.deps.secret) throw new AppError('Conflict', SECRET_MISSING, 'no SURVEY_PSEUDONYM_SECRET');
    return pseudonymousKey(personId, this.deps.secret);
  }

  /** After pairsConfirmed: both rounds planned and their jobs ensured. Safe to run again (planned rounds stay as they are). */
  async planRounds(cohortId: string): Promise<void> {
    const pairs = await this.deps.pairs.listCohort(cohortId);
    if (pairs.length === 0) return;
    const calendar = this.deps.parts.config.program.calendar;
    const confirmedAt = pairs.map((p) => p.confirmedAt);
    // The same year as the year stage's quarters: the taskforce's start on the cohort, or the default after confirmation.
    const year = cohortProgramYear({ taskforceStartsOn: (await this.cohort(cohortId)).yearStartsOn, confirmedAt, timeZone: calendar.timeZone, now: this.now });
    for (const round of ['pre', 'post'] as const) {
      const dates = roundDates(round, { pairsConfirmedAt: new Date([...confirmedAt].sort()[0]), year }, calendar);
      const planned = await this.deps.surveys.planRound({ cohortId, round, ...dates, openedAt: null, closedAt: null, invited: { executive: 0, mentor: 0 } });
      const key = `${cohortId}:${round}`;
      const payload = { cohortId, round };
      await this.deps.parts.scheduler.ensureMany([
        { kind: SURVEY_JOB_KINDS.open, key, dueAt: new Date(planned.opensAt), payload },
        { kind: SURVEY_JOB_KINDS.remind, key, dueAt: new Date(planned.remindAt), payload },
        { kind: SURVEY_JOB_KINDS.close, key, dueAt: new Date(planned.closesAt), payload },
      ]);
    }
  }

  /** Sends the survey card to every participant (once: the batch is keyed by the round) and locks the items. */
  async open(cohortId: string, round: SurveyRound): Promise<void> {
    const planned = await this.deps.surveys.round(cohortId, round);
    if (!planned || roundState(planned, this.now) !== 'open') return;
    // No cards people could not answer: the job fails, is parked, and shows the taskforce this sentence to act on.
    if (!this.deps.secret) throw new AppError('Conflict', 'The survey cannot open: the service has no pseudonym secret (SURVEY_PSEUDONYM_SECRET). Set it, then retry this job.');
    const cohort = await this.cohort(cohortId);
    const stored = await this.deps.surveys.items(cohortId);
    // The default items become the cohort's own row, so what was asked stays what was asked.
    if (stored.etag === '') await this.deps.surveys.putItems(cohortId, stored.items, '', this.now).catch((error: unknown) => ignoreConflict(error));
    const { items } = await this.deps.surveys.items(cohortId);
    const people = await this.participants(cohortId);
    await this.deps.parts.batches.start({
      key: `survey.${cohortId}.${round}`,
      label: `${round === 'pre' ? 'Pre' : 'Post'} survey for ${cohort.name}`,
      recipients: people.map((p) => ({ personId: p.id, message: surveyMessage(this.cardInput(cohort, planned, p.role, items)) })),
    });
    if (planned.openedAt === null) {
      const invited = { executive: people.filter((p) => p.role === 'executive').length, mentor: people.filter((p) => p.role === 'mentor').length };
      await this.deps.surveys.saveRound({ ...planned, openedAt: this.now.toISOString(), invited });
    }
  }

  /** Reminds the participants who have not answered yet (worked out in memory from their keys). */
  async remind(cohortId: string, round: SurveyRound): Promise<void> {
    const planned = await this.deps.surveys.round(cohortId, round);
    if (!planned || planned.openedAt === null || roundState(planned, this.now) !== 'open' || !this.deps.secret) return;
    const cohort = await this.cohort(cohortId);
    const { items } = await this.deps.surveys.items(cohortId);
    const answered = new Set((await this.deps.answers.list(cohortId, round)).map((a) => a.key));
    const waiting = (await this.participants(cohortId)).filter((p) => !answered.has(this.keyOf(p.id)));
    if (waiting.length === 0) return;
    await this.deps.parts.batches.start({
      key: `survey-reminder.${cohortId}.${round}`,
      label: `Reminder: ${round} survey for ${cohort.name}`,
      recipients: waiting.map((p) => ({ personId: p.id, message: surveyMessage({ ...this.cardInput(cohort, planned, p.role, items), reminder: true }) })),
    });
  }

  async close(cohortId: string, round: SurveyRound): Promise<void> {
    const planned = await this.deps.surveys.round(cohortId, round);
    if (!planned || planned.closedAt !== null || this.now.getTime() < Date.parse(planned.closesAt)) return;
    await this.deps.surveys.saveRound({ ...planned, closedAt: this.now.toISOString() });
  }

  private cardInput(cohort: StoredCohort, round: Round, role: SurveyRole, items: readonly SurveyItem[]): SurveyCardInput {
    return {
      cohortId: cohort.id,
      cohortName: cohort.name,
      round: round.round,
      role,
      items: itemsFor(role, items),
      closesAt: round.closesAt,
      minimumGroupSize: this.minimumGroupSize,
    };
  }

  /** The caller's role in the cohort's pairs, if any. */
  private async roleOf(personId: string, cohortId: string): Promise<SurveyRole | undefined> {
    return (await this.deps.pairs.ofPerson(personId)).find((row) => row.cohortId === cohortId)?.role;
  }

  /**
   * Takes a person's answers (from the card or the tab). `version`: the answers' version the tab read; the card, which
   * always shows the latest, passes undefined. Refused without storing anything: a closed or unopened round, someone
   * not in the cohort, an answer off the scale or missing.
   */
  async answer(personId: string, cohortId: string, roundName: unknown, raw: Readonly<Record<string, unknown>>, version?: string): Promise<AnswerOutcome> {
    if (roundName !== 'pre' && roundName !== 'post') return { kind: 'notOpen' };
    const round = await this.deps.surveys.round(cohortId, roundName);
    if (!round) return { kind: 'notOpen' };
    const state = roundState(round, this.now);
    if (state === 'closed') return { kind: 'closed' };
    if (state === 'scheduled') return { kind: 'notOpen' };
    const role = await this.roleOf(personId, cohortId);
    if (!role) return { kind: 'notYours' };
    const cohort = await this.cohort(cohortId);
    const items = itemsFor(role, (await this.deps.surveys.items(cohortId)).items);
    const card = this.cardInput(cohort, round, role, items);
    const key = this.keyOf(personId);
    const existing = await this.deps.answers.get(cohortId, roundName, key);
    const checked = readAnswers(raw, items);
    if (!checked.ok) return { kind: 'invalid', card: { ...card, answers: existing?.scores, error: checked.error }, error: checked.error };
    try {
      const answer = await this.deps.answers.put(cohortId, roundName, { key, role, scores: checked.scores, updatedAt: this.now.toISOString() }, version ?? existing?.etag ?? 'new');
      return { kind: 'saved', answer, card: { ...card, answers: answer.scores, status: `Thank you: your answers are saved. You can change them until the survey closes.` } };
    } catch (error) {
      if (error instanceof ConflictError) throw new AppError('Conflict', CHANGED_MEANWHILE);
      throw error;
    }
  }

  /** The caller's open surveys, with their own answers so far. */
  async mine(personId: string): Promise<{ card: SurveyCardInput; answer: StoredAnswer | undefined }[]> {
    const open: { card: SurveyCardInput; answer: StoredAnswer | undefined }[] = [];
    for (const row of await this.deps.pairs.ofPerson(personId)) {
      for (const round of await this.deps.surveys.rounds(row.cohortId)) {
        if (roundState(round, this.now) !== 'open') continue;
        const cohort = await this.cohort(row.cohortId);
        const items = (await this.deps.surveys.items(row.cohortId)).items;
        const answer = this.deps.secret ? await this.deps.answers.get(row.cohortId, round.round, this.keyOf(personId)) : undefined;
        open.push({ card: this.cardInput(cohort, round, row.role, items), answer });
      }
    }
    return open;
  }

  async overview(cohortId: string): Promise<{ cohort: StoredCohort; items: SurveyItem[]; etag: string; locked: boolean; rounds: RoundJson[] }> {
    const cohort = await this.cohort(cohortId);
    const stored = await this.deps.surveys.items(cohortId);
    const rounds: RoundJson[] = [];
    for (const round of await this.deps.surveys.rounds(cohortId)) {
      const answers = await this.deps.answers.list(cohortId, round.round);
      const answered = { executive: answers.filter((a) => a.role === 'executive').length, mentor: answers.filter((a) => a.role === 'mentor').length };
      const { cohortId: _cohort, openedAt: _opened, closedAt, ...dates } = round;
      rounds.push({ ...dates, state: roundState({ ...round, closedAt }, this.now), answered });
    }
    const locked = rounds.some((r) => r.round === 'pre' && r.state !== 'scheduled');
    return { cohort, items: stored.items, etag: stored.etag || 'defaults', locked, rounds };
  }

  async putItems(cohortId: string, raw: unknown, ifMatch: string): Promise<void> {
    const view = await this.overview(cohortId);
    if (ifMatch !== view.etag) throw new AppError('Conflict', 'Someone else changed the questions just now. Please reload and try again.');
    let items: SurveyItem[];
    try {
      items = readSurveyItems(raw, view.items, view.locked);
    } catch (error) {
      if (error instanceof SurveyItemsInputError) throw new AppError('BadRequest', error.userMessage);
      throw error;
    }
    try {
      await this.deps.surveys.putItems(cohortId, items, view.etag === 'defaults' ? '' : view.etag, this.now);
    } catch (error) {
      if (error instanceof ConflictError) throw new AppError('Conflict', 'Someone else changed the questions just now. Please reload and try again.');
      throw error;
    }
  }

  /**
   * Results per item and role. The reporting lines of each respondent are worked out in memory from the cohort's
   * participants (key → their managers); answers whose key is no longer a participant's count as outside every line.
   */
  async results(cohortId: string): Promise<SurveyResults> {
    const cohort = await this.cohort(cohortId);
    const { items } = await this.deps.surveys.items(cohortId);
    const directory = this.deps.parts.directory();
    const linesByKey = new Map<string, string[]>();
    const topOfOrg = new Set<string>();
    if (this.deps.secret) {
      for (const person of await this.participants(cohortId)) {
        const chain = directory.chainOf(person.id);
        linesByKey.set(
          this.keyOf(person.id),
          chain.map((manager) => manager.id),
        );
        const top = chain[chain.length - 1];
        if (top) topOfOrg.add(top.id);
      }
    }
    const asAnswers = (stored: StoredAnswer[]): SurveyAnswer[] =>
      stored.flatMap((a) => Object.entries(a.scores).map(([itemId, score]) => ({ key: a.key, role: a.role, itemId, score })));
    const pre = asAnswers(await this.deps.answers.list(cohortId, 'pre'));
    const post = asAnswers(await this.deps.answers.list(cohortId, 'post'));
    for (const answer of [...pre, ...post]) if (!linesByKey.has(answer.key)) linesByKey.set(answer.key, []);
    const k = this.minimumGroupSize;
    const results = surveyResults({ items, pre, post, linesByKey, reporting: { minimumGroupSize: k, institutionWideLines: [...topOfOrg] } });
    return { cohortId, cohortName: cohort.name, minimumGroupSize: k, results: results.map(toJson) };
  }
}

function ignoreConflict(error: unknown): void {
  if (!(error instanceof ConflictError)) throw error;
}

function toJson(result: ReturnType<typeof surveyResults>[number]): SurveyResults['results'][number] {
  if (!result.shown) return result;
  const { wilcoxon, ci95Points, ...rest } = result;
  return {
    ...rest,
    ci95Points: [ci95Points[0], ci95Points[1]],
    wilcoxon: { statistic: wilcoxon.statistic, n: wilcoxon.n, zeros: wilcoxon.zeros, p: wilcoxon.p, method: wilcoxon.method },
  };
}
