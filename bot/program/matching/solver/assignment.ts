import { denseMaxScoreAssignment } from './denseMaxScore';

/** Score of a pair that must never be chosen (the chain-of-command rule, an earlier pairing, a ban). */
export const FORBIDDEN = -Infinity;

export interface AssignmentOptions {
  /**
   * Optional mask in the same row-major layout as the scores: a non-zero byte makes that pair impossible, whatever its
   * score. Equivalent to writing `FORBIDDEN` into the cell.
   */
  forbidden?: Uint8Array;
}

export interface AssignmentResult {
  /** For each row, its column, or -1 when the row stays unassigned. */
  rowToCol: Int32Array;
  /** For each column, its row, or -1. */
  colToRow: Int32Array;
  /** How many rows are assigned. */
  matched: number;
  /** Sum of the scores of the assigned pairs. */
  total: number;
}

/**
 * The best assignment of rows (executives) to columns (mentors), each used at most once.
 *
 * `scores` is `rows × cols`, row-major; higher is better; `FORBIDDEN` (-Infinity) or the `forbidden` mask marks a pair
 * that is never chosen. Any other value must be finite.
 *
 * "Best" means, in this order:
 * 1. the most assigned pairs (maximum cardinality among matchings that use no forbidden pair), then
 * 2. among those, the highest total score.
 * So a row stays unassigned (-1) when every one of its pairs is forbidden, or when assigning it would cost another row
 * its only possible partner. Which optimum is returned among equal ones is deterministic for a given input.
 *
 * How: the smaller side becomes the rows of a problem where every row must take a column (the matrix is transposed
 * when rows > cols), and a forbidden cell scores a penalty `P = minScore - k · (maxScore - minScore) - 1`,
 * k = min(rows, cols), lower than any allowed score by more than the largest possible difference between two totals
 * of allowed pairs (k · range). Rows of the small side left on penalty cells are reported unassigned. So one more
 * allowed pair always outweighs any gain in score, which is the cardinality-first order, and among assignments with
 * the same number of allowed pairs the total score decides. Integer scores stay exact integers in the doubles
 * throughout. The scores are read in place when rows ≤ cols (no copy), transposed into a copy otherwise.
 */
export function solveAssignment(scores: Float64Array, rows: number, cols: number, options: AssignmentOptions = {}): AssignmentResult {
  checkShape(scores, rows, cols, options.forbidden);
  // From here on a forbidden pair is exactly a -Infinity score.
  const masked = options.forbidden ? withMask(scores, options.forbidden) : scores;
  const rowToCol = new Int32Array(rows).fill(-1);
  const colToRow = new Int32Array(cols).fill(-1);
  const range = scoreRange(masked);
  if (range === null) return { rowToCol, colToRow, matched: 0, total: 0 };

  const transpose = rows > cols;
  const n = transpose ? cols : rows;
  const m = transpose ? rows : cols;
  const penalty = range.min - n * (range.max - range.min) - 1;
  const work = transpose ? transposed(masked, rows, cols) : masked;
  const assignment = denseMaxScoreAssignment(work, n, m, range.max, penalty, range.forbidden > 0);

  let matched = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const j = assignment[i];
    const row = transpose ? j : i;
    const col = transpose ? i : j;
    const score = masked[row * cols + col];
    if (score === -Infinity) continue;
    rowToCol[row] = col;
    colToRow[col] = row;
    matched++;
    total += score;
  }
  return { rowToCol, colToRow, matched, total };
}

function checkShape(scores: Float64Array, rows: number, cols: number, forbidden: Uint8Array | undefined): void {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new RangeError(`rows and cols must be non-negative integers, got ${rows} × ${cols}`);
  }
  if (scores.length !== rows * cols) {
    throw new RangeError(`scores has ${scores.length} cells, expected ${rows} × ${cols} = ${rows * cols}`);
  }
  if (forbidden && forbidden.length !== scores.length) {
    throw new RangeError(`forbidden mask has ${forbidden.length} cells, expected ${scores.length}`);
  }
}

function withMask(scores: Float64Array, forbidden: Uint8Array): Float64Array {
  const masked = scores.slice();
  for (let cell = 0; cell < masked.length; cell++) if (forbidden[cell] !== 0) masked[cell] = -Infinity;
  return masked;
}

/** Lowest and highest allowed score and how many pairs are forbidden; null when every pair is (or there is none). */
function scoreRange(scores: Float64Array): { min: number; max: number; forbidden: number } | null {
  let min = Infinity;
  let max = -Infinity;
  let forbidden = 0;
  for (let cell = 0; cell < scores.length; cell++) {
    const s = scores[cell];
    // s - s is 0 for every finite number and NaN for NaN and ±Infinity.
    if (s - s !== 0) {
      if (s === -Infinity) {
        forbidden++;
        continue;
      }
      throw new RangeError(`score ${s} at cell ${cell}: scores must be finite or FORBIDDEN`);
    }
    if (s < min) min = s;
    if (s > max) max = s;
  }
  return min === Infinity ? null : { min, max, forbidden };
}

/** A transposed copy, so the smaller side (the columns) becomes the rows. */
function transposed(scores: Float64Array, rows: number, cols: number): Float64Array {
  const work = new Float64Array(rows * cols);
  // In tiles, so both the reads and the strided writes stay in cache.
  const tile = 64;
  for (let r0 = 0; r0 < rows; r0 += tile) {
    const r1 = Math.min(rows, r0 + tile);
    for (let c0 = 0; c0 < cols; c0 += tile) {
      const c1 = Math.min(cols, c0 + tile);
      for (let r = r0; r < r1; r++) {
        const base = r * cols;
        for (let c = c0; c < c1; c++) work[c * rows + r] = scores[base + c];
      }
    }
  }
  return work;
}
