import { z } from 'zod';
import { startAzurite, type EmbeddedAzurite } from '../../bot/storage/azurite';
import { columnEquals, inPartition, isComposedKey, isKey } from '../../bot/storage/keys';
import { CorruptRowError, readJsonColumn } from '../../bot/storage/rowJson';
import { TableSet } from '../../bot/storage/tables';
import { COHORT_TABLE, CohortStore } from '../../bot/program/cohorts/cohortStore';
import { DEFAULT_RUBRIC } from '../../bot/program/cohorts/cohortRules';
import { INTERVIEW_TABLE, InterviewStore } from '../../bot/program/interviews/interviewStore';
import { BATCH_TABLES, BatchStore } from '../../bot/messaging/batchStore';
import { YEAR_TABLES, YearStore } from '../../bot/program/year/stage/yearStore';

/**
 * Keys, filters and JSON columns (bot/storage/keys.ts, rowJson.ts): a filter quotes what it interpolates, and a row whose
 * JSON does not decode fails with a CorruptRowError naming the table, the row and the column, through the real stores.
 */
const ROW = { partitionKey: 'p1', rowKey: 'r1' };
const STRINGS = z.array(z.string());

describe('keys and filters', () => {
  it('accepts plain ids and refuses what could not name a row', () => {
    expect(isKey('cohort-2027')).toBe(true);
    for (const bad of ['', 'a/b', 'a#b', "o'hara", 'a\u0000b', 'x'.repeat(65)]) expect(isKey(bad)).toBe(false);
    expect(isComposedKey('intro.cohort-1:exec-2')).toBe(true);
    for (const bad of ['.starts-with-dot', 'a/b', 'a?b', 'a\\b', 'x'.repeat(202)]) expect(isComposedKey(bad)).toBe(false);
  });

  it('quotes values the way OData needs them', () => {
    expect(inPartition("o'hara")).toBe("PartitionKey eq 'o''hara'");
    expect(columnEquals('stage', "it's")).toBe("stage eq 'it''s'");
  });
});

describe('readJsonColumn', () => {
  it('returns the checked value', () => {
    expect(readJsonColumn('notes', ROW, 'tags', '["a","b"]', STRINGS)).toEqual(['a', 'b']);
  });

  it('keeps a field the schema does not name, as stored', () => {
    const tagged = z.object({ name: z.string() });
    expect(readJsonColumn('notes', ROW, 'person', '{"name":"Sam","addedLater":{"a":1}}', tagged)).toEqual({ name: 'Sam', addedLater: { a: 1 } });
  });

  it.each([
    ['not JSON', '{"a":', /notes has an unreadable tags: it is not JSON/],
    ['the wrong shape', '{"a":1}', /notes has an unreadable tags: Expected array/],
    ['a wrong element', '["a",2]', /unreadable tags: Expected string, received number at 1/],
    ['a missing column', undefined, /unreadable tags: the column is missing/],
  ])('names the table, row and column for %s', (_case, text, says) => {
    let thrown: unknown;
    try {
      readJsonColumn('notes', ROW, 'tags', text, STRINGS);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CorruptRowError);
    const error = thrown as CorruptRowError;
    expect(error.message).toMatch(/^Row p1\/r1 of table notes/);
    expect(error.message).toMatch(says);
    expect([error.code, error.table, error.row, error.column]).toEqual(['CorruptRow', 'notes', ROW, 'tags']);
  });
});

describe('stores on Azurite', () => {
  let azurite: EmbeddedAzurite;
  let tables: TableSet;

  beforeAll(async () => {
    azurite = await startAzurite({ inMemory: true });
    tables = await TableSet.open(azurite.connectionString, [COHORT_TABLE, INTERVIEW_TABLE, BATCH_TABLES.batches, BATCH_TABLES.deliveries, ...Object.values(YEAR_TABLES)]);
  });
  afterAll(async () => {
    await azurite.stop();
  });

  it('reads a cohort back, and a cohort with a hand-broken rubric as a CorruptRowError', async () => {
    const store = new CohortStore(tables.client(COHORT_TABLE));
    const fields = {
      name: 'Spring',
      programYear: 2027,
      opensOn: '2027-01-04',
      closesOn: '2027-02-01',
      yearStartsOn: null,
      topics: [{ id: 't1', title: 'Staffing' }],
      rubric: [...DEFAULT_RUBRIC],
    };
    const cohort = await store.create(fields, new Date('2026-12-01T09:00:00Z'), { id: 'spring' });
    expect((await store.get('spring'))?.topics).toEqual(fields.topics);
    await tables.client(COHORT_TABLE).updateEntity({ partitionKey: 'cohort', rowKey: cohort.id, rubric: '[{"id":"candor"}]' }, 'Merge');
    await expect(store.get('spring')).rejects.toThrow(/Row cohort\/spring of table cohorts has an unreadable rubric: Required at 0\.title/);
  });

  it("filters interviews by an interviewer whose id has a quote, and nobody else's", async () => {
    const store = new InterviewStore(tables.client(INTERVIEW_TABLE));
    const base = { cohortId: 'c1', scores: {}, notes: '', mentorAreas: '', assignedAt: '2026-12-01T09:00:00Z' };
    await store.putMany([
      { ...base, candidateId: 'a', interviewerId: "o'hara" },
      { ...base, candidateId: 'b', interviewerId: 'ohara' },
    ]);
    expect((await store.listCohort('c1', "o'hara")).map((i) => i.candidateId)).toEqual(['a']);
    expect((await store.listCohort('c1')).map((i) => i.candidateId).sort()).toEqual(['a', 'b']);
  });

  it('reads a batch whose shared card was broken as a CorruptRowError, and its rows as written', async () => {
    const store = new BatchStore(tables.client(BATCH_TABLES.batches), tables.client(BATCH_TABLES.deliveries));
    const card = { card: { type: 'AdaptiveCard' }, summary: 'Hello' };
    const status = { key: 'hello.1', label: 'Hello', state: 'running' as const, total: 1, sent: 0, unreachable: 0, failed: 0, createdAt: '2026-12-01T09:00:00Z' };
    expect(await store.create(status, card, true)).toBe(true);
    expect(await store.create(status, card, true)).toBe(false);
    await store.recordPending('hello.1', [['p1', undefined]]);
    expect((await store.batch('hello.1'))?.message).toEqual(card);
    expect(await store.deliveriesOf('hello.1')).toEqual([expect.objectContaining({ personId: 'p1', status: 'pending', kept: false })]);
    await tables.client(BATCH_TABLES.batches).updateEntity({ partitionKey: 'batch', rowKey: 'hello.1', message: '{"card":"not an object","summary":"Hello"}' }, 'Merge');
    await expect(store.batch('hello.1')).rejects.toBeInstanceOf(CorruptRowError);
  });

  it('reads a plan with a meeting in an unknown status as a CorruptRowError naming the column', async () => {
    const plans = tables.client(YEAR_TABLES.plans);
    await plans.upsertEntity({ partitionKey: 'c1', rowKey: 'e1', mentorId: 'm1', atRisk: false, meetings: '[{"number":1,"status":"lost"}]' }, 'Replace');
    const store = new YearStore({
      cohorts: tables.client(YEAR_TABLES.cohorts),
      plans,
      notes: tables.client(YEAR_TABLES.notes),
      pauses: tables.client(YEAR_TABLES.pauses),
      nudges: tables.client(YEAR_TABLES.nudges),
    });
    await expect(store.cohortPlans('c1')).rejects.toThrow(/Row c1\/e1 of table yearPlans has an unreadable meetings/);
  });
});
