import { parseEosCsv, type EosWave } from '../../../bot/program/outcomes/eosCsv';
import { participatingUnitsChange, waveChanges, type UnitComparison } from '../../../bot/program/outcomes/eosRules';
import { relativeError } from './relativeError';

const AWARE = 'Executive leaders are aware of the major challenges employees face';
const MENTORING = 'Mentoring is valued and encouraged here';

function waves(...lines: string[]): EosWave[] {
  const result = parseEosCsv(['question,wave date,respondents,percent favorable,unit', ...lines].join('\n'));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join(' '));
  return result.waves;
}

/** The seed: 45% → 52% and 58% → 69%, more than 15,000 respondents each time. */
const seed = waves(`${AWARE},2022-03-01,15000,45,`, `${MENTORING},2022-03-01,15000,58,`, `${AWARE},2023-04-15,15000,52,`, `${MENTORING},2023-04-15,15000,69,`);

describe('waveChanges', () => {
  it('judges the seed’s changes by the test and by the 5-point rule, side by side', () => {
    const [aware, mentoring] = waveChanges(seed);
    // References: the pooled z and Wald interval from scipy 1.17.1 (see statistics.test.ts for the calls).
    expect(aware).toMatchObject({ question: AWARE, points: 7, significantByTest: true, meaningfulByRule: true });
    expect(aware.from).toEqual({ waveDate: '2022-03-01', percentFavorable: 45, respondents: 15000 });
    expect(aware.to).toEqual({ waveDate: '2023-04-15', percentFavorable: 52, respondents: 15000 });
    expect(relativeError(aware.z, 12.12981529856327)).toBeLessThan(1e-12);
    expect(relativeError(aware.p, 7.341483363922854e-34)).toBeLessThan(1e-11);
    expect(relativeError(aware.ci95Points[0], 5.87170063672001)).toBeLessThan(1e-12);
    expect(relativeError(aware.ci95Points[1], 8.128299363279991)).toBeLessThan(1e-12);
    expect(mentoring).toMatchObject({ question: MENTORING, significantByTest: true, meaningfulByRule: true });
    expect(mentoring.points).toBeCloseTo(11, 12);
    expect(relativeError(mentoring.z, 19.787458725492595)).toBeLessThan(1e-12);
    expect(relativeError(mentoring.p, 3.8181427103892106e-87)).toBeLessThan(1e-11);
  });

  it('shows where the two disagree: 2 points of 15,000 pass the test, 7 points of about a hundred pass only the rule', () => {
    const [large] = waveChanges(waves('Q,2022-03-01,15000,45,', 'Q,2023-04-15,15000,47,'));
    expect(large).toMatchObject({ significantByTest: true, meaningfulByRule: false });
    // 2·scipy.stats.norm.sf(3.4752402342845725), from scipyReferences.py
    expect(relativeError(large.p, 0.0005103960469226534)).toBeLessThan(1e-11);
    const [small] = waveChanges(waves('Q,2022-03-01,120,45,', 'Q,2023-04-15,110,52,'));
    expect(small).toMatchObject({ significantByTest: false, meaningfulByRule: true });
  });

  it('counts exactly 5 points as meaningful, even when decimals make it 4.999…', () => {
    const [change] = waveChanges(waves('Q,2022-03-01,100,60.6,', 'Q,2023-04-15,100,65.6,'));
    expect(change.points).toBeLessThan(5); // 4.999999999999993 in floating point
    expect(change.meaningfulByRule).toBe(true);
    const [below] = waveChanges(waves('Q,2022-03-01,100,60.6,', 'Q,2023-04-15,100,65.5,'));
    expect(below.meaningfulByRule).toBe(false);
  });

  it('follows each question through its waves in date order, whatever the order of the rows', () => {
    const changes = waveChanges(waves('Q,2024-05-01,900,60,', 'Q,2020-05-01,1000,50,', 'Q,2022-05-01,950,55,', 'q,2026-05-01,800,55,'));
    expect(changes.map((c) => [c.from.waveDate, c.to.waveDate, c.points])).toEqual([
      ['2020-05-01', '2022-05-01', 5],
      ['2022-05-01', '2024-05-01', 5],
      ['2024-05-01', '2026-05-01', -5],
    ]);
  });

  it('uses the institution row when there is one, and the weighted units otherwise', () => {
    const [change] = waveChanges(waves('Q,2022-03-01,15000,45,', 'Q,2022-03-01,1000,30,Nursing', 'Q,2023-04-15,3000,40,Nursing', 'Q,2023-04-15,1000,80,Pharmacy'));
    expect(change.from).toEqual({ waveDate: '2022-03-01', percentFavorable: 45, respondents: 15000 });
    expect(change.to).toEqual({ waveDate: '2023-04-15', percentFavorable: 50, respondents: 4000 });
  });

  it('has nothing to say about a single wave', () => {
    expect(waveChanges(waves('Q,2022-03-01,15000,45,'))).toEqual([]);
  });
});

describe('participatingUnitsChange (difference in differences)', () => {
  const units = waves(
    `${AWARE},2022-03-01,15000,45,`,
    `${AWARE},2022-03-01,3000,40,Nursing`,
    `${AWARE},2022-03-01,1000,50,Pharmacy`,
    `${AWARE},2022-03-01,6000,46,Finance`,
    `${AWARE},2022-03-01,5000,45,Facilities`,
    `${AWARE},2023-04-15,15000,52,`,
    `${AWARE},2023-04-15,3000,52,Nursing`,
    `${AWARE},2023-04-15,1000,60,Pharmacy`,
    `${AWARE},2023-04-15,6000,50,Finance`,
    `${AWARE},2023-04-15,5000,48,Facilities`,
  );

  function available(result: UnitComparison) {
    if (!result.available) throw new Error(result.reason);
    return result;
  }

  it('credits the program only with the change beyond the other units’ drift', () => {
    const [result] = participatingUnitsChange(units, ['nursing', 'Pharmacy']);
    const did = available(result);
    expect(did.participating).toEqual({
      units: ['Nursing', 'Pharmacy'],
      from: { waveDate: '2022-03-01', percentFavorable: 42.5, respondents: 4000 },
      to: { waveDate: '2023-04-15', percentFavorable: 54, respondents: 4000 },
      points: 11.5,
    });
    expect(did.rest.units).toEqual(['Facilities', 'Finance']);
    // References (numpy 2.4.6 / scipy 1.17.1, the documented formula): weighted sides 42.5 → 54 and
    // 45.545… → 49.090…; DiD 7.9545 points, SE 0.012949145605051572, z 6.142911429957451,
    // p = 2·norm.sf(z) = 8.102246683901643e-10, 95% interval 5.416559552898838 to 10.49253135619208 points.
    expect(relativeError(did.rest.from.percentFavorable, 45.54545454545455)).toBeLessThan(1e-12);
    expect(relativeError(did.points, 7.954545454545459)).toBeLessThan(1e-12);
    expect(relativeError(did.z, 6.142911429957451)).toBeLessThan(1e-12);
    expect(relativeError(did.p, 8.102246683901643e-10)).toBeLessThan(1e-11);
    expect(relativeError(did.ci95Points[0], 5.416559552898838)).toBeLessThan(1e-12);
    expect(relativeError(did.ci95Points[1], 10.49253135619208)).toBeLessThan(1e-12);
    expect(did).toMatchObject({ significantByTest: true, meaningfulByRule: true, fromDate: '2022-03-01', toDate: '2023-04-15' });
  });

  it('finds small units’ change not significant however large it looks', () => {
    const small = waves('Q,2022-03-01,120,45,Nursing', 'Q,2022-03-01,400,45,Finance', 'Q,2023-04-15,110,52,Nursing', 'Q,2023-04-15,380,46,Finance');
    const did = available(participatingUnitsChange(small, ['Nursing'])[0]);
    // References: DiD 6 points, z 0.8014957313899691, p 0.42284471426636827, interval −8.672297613920268 to 20.672297613920268.
    expect(did.points).toBeCloseTo(6, 12);
    expect(relativeError(did.z, 0.8014957313899691)).toBeLessThan(1e-12);
    expect(relativeError(did.p, 0.42284471426636827)).toBeLessThan(1e-12);
    expect(relativeError(did.ci95Points[0], -8.672297613920268)).toBeLessThan(1e-12);
    expect(did).toMatchObject({ significantByTest: false, meaningfulByRule: true });
  });

  it('leaves out a unit reported in one wave only', () => {
    const withNew = [...units, ...waves(`${AWARE},2023-04-15,500,90,Research`)];
    const did = available(participatingUnitsChange(withNew, ['Nursing', 'Pharmacy', 'Research'])[0]);
    expect(did.participating.units).toEqual(['Nursing', 'Pharmacy']);
    expect(did.points).toBeCloseTo(7.954545454545459, 12);
  });

  it('says why there is no comparison when one side has no units', () => {
    expect(participatingUnitsChange(units, ['Radiology'])).toEqual([
      { available: false, question: AWARE, fromDate: '2022-03-01', toDate: '2023-04-15', reason: 'No participating executive’s unit has results in both waves.' },
    ]);
    expect(participatingUnitsChange(units, ['Nursing', 'Pharmacy', 'Finance', 'Facilities'])[0]).toMatchObject({
      available: false,
      reason: 'No other unit has results in both waves to compare with.',
    });
  });

  it('compares nothing where no units are given', () => {
    expect(participatingUnitsChange(seed, ['Nursing'])).toEqual([]);
  });

  it('treats a zero variance as the limit of the z-test', () => {
    const extreme = waves('Q,2022-03-01,50,0,A', 'Q,2022-03-01,50,0,B', 'Q,2023-04-15,50,100,A', 'Q,2023-04-15,50,0,B');
    expect(available(participatingUnitsChange(extreme, ['A'])[0])).toMatchObject({ points: 100, z: Infinity, p: 0 });
    const flat = waves('Q,2022-03-01,50,0,A', 'Q,2022-03-01,50,0,B', 'Q,2023-04-15,50,0,A', 'Q,2023-04-15,50,0,B');
    expect(available(participatingUnitsChange(flat, ['A'])[0])).toMatchObject({ points: 0, z: 0, p: 1 });
  });
});
