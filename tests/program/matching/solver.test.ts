import { FORBIDDEN, solveAssignment, type AssignmentResult } from '../../../bot/program/matching/solver/assignment';
import { seededRandom } from '../../../bot/seededRandom';

type ScoreShape = 'real' | 'integer';

function instance(next: () => number, rows: number, cols: number, shape: ScoreShape, forbiddenShare: number): Float64Array {
  const scores = new Float64Array(rows * cols);
  for (let cell = 0; cell < scores.length; cell++) {
    if (next() < forbiddenShare) scores[cell] = FORBIDDEN;
    else scores[cell] = shape === 'integer' ? Math.floor(next() * 6) : next() * 100 - 20;
  }
  return scores;
}

interface Best {
  matched: number;
  total: number;
}

/** Every partial matching without a forbidden pair, enumerated; keeps the most pairs, then the highest total. */
function bruteForce(scores: Float64Array, rows: number, cols: number): Best {
  const used = new Uint8Array(cols);
  let best: Best = { matched: 0, total: 0 };
  const visit = (row: number, matched: number, total: number): void => {
    if (row === rows) {
      if (matched > best.matched || (matched === best.matched && total > best.total)) best = { matched, total };
      return;
    }
    visit(row + 1, matched, total);
    for (let col = 0; col < cols; col++) {
      const s = scores[row * cols + col];
      if (used[col] || s === FORBIDDEN) continue;
      used[col] = 1;
      visit(row + 1, matched + 1, total + s);
      used[col] = 0;
    }
  };
  visit(0, 0, 0);
  return best;
}

/** The result is a matching (both directions agree), uses no forbidden pair, and its counts add up. */
function expectValidMatching(result: AssignmentResult, scores: Float64Array, rows: number, cols: number): void {
  expect(result.rowToCol).toHaveLength(rows);
  expect(result.colToRow).toHaveLength(cols);
  let matched = 0;
  let total = 0;
  for (let row = 0; row < rows; row++) {
    const col = result.rowToCol[row];
    if (col === -1) continue;
    expect(col).toBeGreaterThanOrEqual(0);
    expect(col).toBeLessThan(cols);
    expect(result.colToRow[col]).toBe(row);
    expect(scores[row * cols + col]).not.toBe(FORBIDDEN);
    matched++;
    total += scores[row * cols + col];
  }
  let assignedCols = 0;
  for (let col = 0; col < cols; col++) if (result.colToRow[col] !== -1) assignedCols++;
  expect(assignedCols).toBe(matched);
  expect(result.matched).toBe(matched);
  expect(result.total).toBeCloseTo(total, 9);
}

function expectOptimal(scores: Float64Array, rows: number, cols: number, shape: ScoreShape, seed: number): void {
  const result = solveAssignment(scores, rows, cols);
  expectValidMatching(result, scores, rows, cols);
  const best = bruteForce(scores, rows, cols);
  const context = `seed ${seed}, ${rows}×${cols}, ${shape}`;
  expect({ context, matched: result.matched }).toEqual({ context, matched: best.matched });
  if (shape === 'integer') expect({ context, total: result.total }).toEqual({ context, total: best.total });
  else expect(Math.abs(result.total - best.total)).toBeLessThan(1e-9 * Math.max(1, Math.abs(best.total)));
}

describe('solveAssignment against brute force', () => {
  const shapes: ScoreShape[] = ['real', 'integer'];
  for (const shape of shapes) {
    it(`is optimal on 2,500 random ${shape} instances up to 6×8 and 8×6, with forbidden pairs`, () => {
      for (let seed = 1; seed <= 2500; seed++) {
        const next = seededRandom(seed * (shape === 'integer' ? 7 : 13));
        const small = 1 + Math.floor(next() * 6);
        const large = 1 + Math.floor(next() * 8);
        const [rows, cols] = next() < 0.5 ? [small, large] : [large, small];
        // From none to most pairs forbidden, so some rows lose every partner and some only compete for one.
        const forbiddenShare = [0, 0.2, 0.5, 0.8][seed % 4];
        expectOptimal(instance(next, rows, cols, shape, forbiddenShare), rows, cols, shape, seed);
      }
    });
  }

  it('is optimal on square instances where every score ties (all zero, all equal)', () => {
    for (let n = 1; n <= 7; n++) {
      for (const value of [0, 3]) {
        const scores = new Float64Array(n * n).fill(value);
        const result = solveAssignment(scores, n, n);
        expectValidMatching(result, scores, n, n);
        expect(result.matched).toBe(n);
        expect(result.total).toBe(n * value);
      }
    }
  });

  it('prefers more pairs over a higher total', () => {
    // Row 0 alone on column 0 scores 100; giving column 0 to row 1 (its only option) and column 1 to row 0 scores 2.
    const scores = Float64Array.from([100, 1, 1, FORBIDDEN]);
    const result = solveAssignment(scores, 2, 2);
    expect(Array.from(result.rowToCol)).toEqual([1, 0]);
    expect(result.matched).toBe(2);
    expect(result.total).toBe(2);
  });

  it('handles scores of any sign and a large range', () => {
    const scores = Float64Array.from([-1e6, 5, FORBIDDEN, -3, 1e6, FORBIDDEN]);
    const result = solveAssignment(scores, 2, 3);
    expectValidMatching(result, scores, 2, 3);
    expect(result.total).toBe(bruteForce(scores, 2, 3).total);
  });
});

describe('solveAssignment on larger instances', () => {
  // Brute force cannot reach these sizes; the solver must agree with a textbook O(n²m) Hungarian method on the same
  // cardinality-first objective (penalised forbidden cells), and the two are independent implementations.
  function expectSameAsReference(scores: Float64Array, rows: number, cols: number, seed: number): void {
    const result = solveAssignment(scores, rows, cols);
    expectValidMatching(result, scores, rows, cols);
    const reference = hungarianReference(scores, rows, cols);
    expect({ seed, rows, cols, matched: result.matched }).toEqual({ seed, rows, cols, matched: reference.matched });
    expect(Math.abs(result.total - reference.total)).toBeLessThan(1e-7);
  }

  it('agrees with a textbook Hungarian method on 60 tie-heavy and real instances up to 40×70, either way round', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const next = seededRandom(1000 + seed);
      const rows = 5 + Math.floor(next() * 36);
      const cols = 5 + Math.floor(next() * 66);
      const shape: ScoreShape = seed % 2 === 0 ? 'integer' : 'real';
      const scores = instance(next, rows, cols, shape, [0, 0.1, 0.6][seed % 3]);
      expectSameAsReference(scores, rows, cols, seed);
    }
  });

  // Square and nearly square matrices leave the fewest free columns, so the shortest-path phase does most of the work
  // there, with long paths through many rows.
  it('agrees with a textbook Hungarian method on 40 square and nearly square instances up to 120×120', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = seededRandom(5000 + seed);
      const n = 20 + Math.floor(next() * 101);
      const cols = n + (seed % 4 === 0 ? 1 + Math.floor(next() * 3) : 0);
      const shape: ScoreShape = seed % 2 === 0 ? 'integer' : 'real';
      const scores = instance(next, n, cols, shape, [0, 0, 0.2, 0.7][seed % 4]);
      expectSameAsReference(scores, n, cols, seed);
    }
  });
});

describe('solveAssignment degenerate inputs', () => {
  it('returns nothing for 0 rows or 0 columns', () => {
    for (const [rows, cols] of [
      [0, 0],
      [0, 4],
      [3, 0],
    ]) {
      const result = solveAssignment(new Float64Array(0), rows, cols);
      expect(Array.from(result.rowToCol)).toEqual(new Array(rows).fill(-1));
      expect(Array.from(result.colToRow)).toEqual(new Array(cols).fill(-1));
      expect(result).toMatchObject({ matched: 0, total: 0 });
    }
  });

  it('leaves every row unassigned when every pair is forbidden', () => {
    const scores = new Float64Array(12).fill(FORBIDDEN);
    const result = solveAssignment(scores, 3, 4);
    expect(Array.from(result.rowToCol)).toEqual([-1, -1, -1]);
    expect(result).toMatchObject({ matched: 0, total: 0 });
  });

  it('solves 1×1, allowed and forbidden', () => {
    expect(solveAssignment(Float64Array.from([7]), 1, 1)).toMatchObject({ matched: 1, total: 7 });
    expect(Array.from(solveAssignment(Float64Array.from([FORBIDDEN]), 1, 1).rowToCol)).toEqual([-1]);
  });

  it('leaves unassigned the row whose every pair is forbidden, and only that one', () => {
    const scores = Float64Array.from([1, 2, FORBIDDEN, FORBIDDEN, 4, 3]);
    const result = solveAssignment(scores, 3, 2);
    expect(Array.from(result.rowToCol)).toEqual([1, -1, 0]);
    expect(result.total).toBe(6);
  });

  it('honours a forbidden mask like FORBIDDEN scores', () => {
    const scores = Float64Array.from([9, 1, 1, 9]);
    const result = solveAssignment(scores, 2, 2, { forbidden: Uint8Array.from([1, 0, 0, 0]) });
    expect(Array.from(result.rowToCol)).toEqual([1, 0]);
    expect(result.total).toBe(2);
  });

  it('rejects a wrong shape, NaN and +Infinity', () => {
    expect(() => solveAssignment(new Float64Array(5), 2, 3)).toThrow(RangeError);
    expect(() => solveAssignment(new Float64Array(4), 2, 2, { forbidden: new Uint8Array(3) })).toThrow(RangeError);
    expect(() => solveAssignment(Float64Array.from([1, NaN]), 1, 2)).toThrow(RangeError);
    expect(() => solveAssignment(Float64Array.from([Infinity, 1]), 1, 2)).toThrow(RangeError);
  });
});

/**
 * Reference: the classic potentials-based Hungarian method (rows ≤ cols, minimum cost, every row assigned), run on the
 * same objective: forbidden cells cost a penalty larger than any score difference, and rows left on them count as
 * unassigned.
 */
function hungarianReference(scores: Float64Array, rows: number, cols: number): Best {
  const transpose = rows > cols;
  const n = transpose ? cols : rows;
  const m = transpose ? rows : cols;
  let max = -Infinity;
  let min = Infinity;
  for (const s of scores) {
    if (s === FORBIDDEN) continue;
    max = Math.max(max, s);
    min = Math.min(min, s);
  }
  if (max === -Infinity) return { matched: 0, total: 0 };
  const penalty = (n + 1) * (max - min) + 1;
  const score = (i: number, j: number) => (transpose ? scores[j * cols + i] : scores[i * cols + j]);
  const cost = (i: number, j: number) => (score(i, j) === FORBIDDEN ? penalty : max - score(i, j));
  // 1-based arrays as in the textbook formulation; column 0 is the virtual start.
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const p = new Array<number>(m + 1).fill(0);
  const way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(m + 1).fill(Infinity);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  let matched = 0;
  let total = 0;
  for (let j = 1; j <= m; j++) {
    if (p[j] === 0) continue;
    const s = score(p[j] - 1, j - 1);
    if (s === FORBIDDEN) continue;
    matched++;
    total += s;
  }
  return { matched, total };
}
