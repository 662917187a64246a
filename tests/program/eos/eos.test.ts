import { samplePersonas } from '../../../bot/directory/samplePersonas';
import type { EosOverview } from '../../../bot/program/eos/api';
import { confirmDemoPairs } from '../confirmDemoPairs';
import { IntakeHarness } from '../intakeHarness';

const priya = samplePersonas.taskforce;
const jordan = samplePersonas.employee;
const angela = samplePersonas.executive;

const HEADER = 'question,wave date,respondents,percent favorable,unit';
const PULSE = 'Executive leaders are aware of the major challenges employees face';

/** The institution-wide survey through the real service: import, form, refusals that store nothing, and the statistics. */
describe('institution-wide survey: waves, the z-test beside the 5-point rule, units against the rest', () => {
  let h: IntakeHarness;
  let participating: string[];
  beforeAll(async () => {
    h = await IntakeHarness.start();
    const proposal = await confirmDemoPairs(h);
    participating = [...new Set(proposal.pairs.map((p) => p.executive.department).filter((d): d is string => Boolean(d)))].sort((a, b) => a.localeCompare(b));
  });
  afterAll(async () => {
    await h.stop();
  });

  const overview = async (): Promise<EosOverview> => (await h.api('get', '/api/eos', priya.id)).body as EosOverview;
  const importCsv = async (csv: string, ifMatch?: string) => h.api('post', '/api/eos/import', priya.id, { csv }, { ifMatch: ifMatch ?? (await overview()).etag });

  it.each([
    ['get', '/api/eos'],
    ['post', '/api/eos/import'],
    ['post', '/api/eos/waves'],
  ])('%s %s answers 401 without a token and 403 to an employee or executive', async (method, path) => {
    expect((await h.api(method, path, undefined, method === 'get' ? undefined : {})).status).toBe(401);
    for (const who of [jordan.id, angela.id]) {
      const refused = await h.api(method, path, who, method === 'get' ? undefined : {}, { ifMatch: 'none' });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('Forbidden');
    }
  });

  it.each([
    ['wrong columns', `question,date,respondents,percent favorable\n${PULSE},2024-05-01,15000,45`, 'Row 1: unknown column "date"'],
    ['a percentage over 100', `${HEADER}\n${PULSE},2024-05-01,15000,45,\n${PULSE},2025-05-01,15000,145,`, 'Row 3: percent favorable cannot be over 100 (it is 145)'],
    ['zero respondents', `${HEADER}\n${PULSE},2024-05-01,0,45,`, 'Row 2: respondents must be at least 1'],
    ['a duplicate wave', `${HEADER}\n${PULSE},2024-05-01,15000,45,\n${PULSE},2024-05-01,15100,46,`, 'Row 3 repeats row 2'],
    ['a formula cell', `${HEADER}\n${PULSE},2024-05-01,15000,45,\n"=HYPERLINK(""http://x"")",2025-05-01,15000,52,`, 'Row 3: question starts with =, +, -, @'],
  ])('refuses a file with %s, naming the row, and records nothing', async (_case, csv, message) => {
    const before = await overview();
    const refused = await importCsv(csv, before.etag);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('Nothing was recorded.');
    expect(refused.body.error.message).toContain(message);
    expect(await overview()).toEqual(before);
  });

  it('imports waves for the whole institution and by unit; judges each change by the z-test and by the 5-point rule', async () => {
    expect((await importCsv(`${HEADER}\n${PULSE},2024-05-01,15000,45,`, 'stale')).status).toBe(409);
    const others = ['Unit A', 'Unit B'];
    const rows = [
      `${PULSE},2024-05-01,15000,45,`,
      `${PULSE},2025-05-01,15200,52,`,
      `Mentoring is valued and encouraged here,2024-05-01,"15,000",58%,`,
      `Mentoring is valued and encouraged here,2025-05-01,15200,60,`,
      ...participating.slice(0, 2).flatMap((unit) => [`${PULSE},2024-05-01,400,40,${unit}`, `${PULSE},2025-05-01,400,55,${unit}`]),
      ...others.flatMap((unit) => [`${PULSE},2024-05-01,400,44,${unit}`, `${PULSE},2025-05-01,400,47,${unit}`]),
    ];
    const imported = await importCsv(`${HEADER}\n${rows.join('\n')}\n`);
    expect(imported.status).toBe(200);
    const body = imported.body as EosOverview;
    expect(body.waves).toHaveLength(rows.length);
    expect(body.participatingUnits).toEqual(participating);
    const pulse = body.changes.find((c) => c.question === PULSE);
    expect(pulse).toMatchObject({ from: { percentFavorable: 45 }, to: { percentFavorable: 52 }, significantByTest: true, meaningfulByRule: true });
    expect(pulse?.points).toBeCloseTo(7, 10);
    const valued = body.changes.find((c) => c.question === 'Mentoring is valued and encouraged here');
    // 2 points with 15,000 people: significant by the test, not meaningful by the seed's rule. Both are shown.
    expect(valued).toMatchObject({ significantByTest: true, meaningfulByRule: false });
    const [comparison] = body.unitComparisons;
    if (!comparison?.available) throw new Error('expected a comparison of the units');
    expect(comparison.participating.units.sort()).toEqual(participating.slice(0, 2).sort());
    expect(comparison.rest.units.sort()).toEqual(others);
    expect(comparison.points).toBeCloseTo(15 - 3, 10);

    const again = await importCsv(`${HEADER}\n${PULSE},2025-05-01,15200,52,\n`);
    expect(again.status).toBe(400);
    expect(again.body.error.message).toContain('Row 2 is already recorded');
  });

  it('adds a wave from the form with the same checks as a file', async () => {
    const { etag } = await overview();
    const refused = await h.api('post', '/api/eos/waves', priya.id, { question: PULSE, waveDate: '2026-05-01', respondents: 15000, percentFavorable: 120 }, { ifMatch: etag });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('Nothing was recorded. Percent favorable cannot be over 100 (it is 120).');
    const added = await h.api('post', '/api/eos/waves', priya.id, { question: PULSE, waveDate: '2026-05-01', respondents: 15100, percentFavorable: 55 }, { ifMatch: etag });
    expect(added.status).toBe(200);
    const changes = (added.body as EosOverview).changes.filter((c) => c.question === PULSE);
    expect(changes.map((c) => [c.from.waveDate, c.to.waveDate])).toEqual([
      ['2024-05-01', '2025-05-01'],
      ['2025-05-01', '2026-05-01'],
    ]);
  });
});
