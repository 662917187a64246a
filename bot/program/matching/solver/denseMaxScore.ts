/**
 * Maximum-score assignment of every row of a dense score matrix to its own column (Jonker–Volgenant family).
 *
 * Input: `score`, n × m row-major, n ≤ m, the largest entry being `maxScore`; it is only read. A -Infinity cell
 * (a forbidden pair) counts as the finite `penalty`, lower than every other score: each read is
 * `Math.max(cell, penalty)`, which costs little in the scans and saves a copy of the matrix (a copy of a 1000 × 5000
 * matrix costs more than solving it when the scores are integers). Output: for each row, its column (possibly a
 * penalty cell; the caller decides what that means).
 *
 * Duals: each column has a price `w[j]`; the reduced cost of a cell is `w[j] - score[i][j]`, never negative, and every
 * assigned row sits on a cell of reduced cost 0 (a row's own price is implicit). Prices only go up, and only on
 * columns that are (and so stay) assigned; all columns start at the same price when n < m, so a free column always has
 * the lowest price: the optimality condition of the rectangular problem (each column used at most once). The same code
 * is therefore exact for n < m without padding the matrix to a square.
 *
 * Phases:
 * 1. starting prices `maxScore`; then each row takes a free column of reduced cost 0 when it has one, stopping at the
 *    first: on integer scores with many ties the top score is common and most rows are placed after a few cells each.
 *    On a square matrix where the top score is rare (real scores: a probe of the first rows finds few tight cells),
 *    column reduction first lowers each column's price to its own maximum, which gives most rows a tight column;
 *    rectangular matrices keep the common starting price (the condition above) and leave that work to phase 2;
 * 2. augmenting row reduction, an auction step that places most of the remaining rows cheaply while free columns are
 *    plentiful; on a square matrix its end game (few free columns left) costs more than the shortest paths it saves,
 *    so there it gets a single sweep over the free rows (measured: 10–25% faster on random real scores than none,
 *    up to 2× faster than the uncapped pass);
 * 3. a shortest augmenting path for each row still free (`ShortestPaths`).
 */
export function denseMaxScoreAssignment(
  score: Float64Array,
  n: number,
  m: number,
  maxScore: number,
  penalty: number,
): Int32Array {
  const rowToCol = new Int32Array(n).fill(-1);
  if (n === 0) return rowToCol;
  const colToRow = new Int32Array(m).fill(-1);
  const price = new Float64Array(m).fill(maxScore);
  const freeRows = new Int32Array(n);
  for (let i = 0; i < n; i++) freeRows[i] = i;
  let freeCount = n;
  if (n === m) {
    // Probe the first rows at the overall maximum; column reduction only when that leaves most of them free.
    const probe = Math.min(n, PROBE_ROWS);
    const probeFree = takeTightColumns(score, m, penalty, price, freeRows, probe, rowToCol, colToRow);
    if (probeFree * 2 > probe) columnMaxima(score, n, penalty, price);
    freeRows.copyWithin(probeFree, probe, n);
    freeCount = probeFree + n - probe;
  }
  freeCount = takeTightColumns(score, m, penalty, price, freeRows, freeCount, rowToCol, colToRow);
  // Row reduction needs a second column to compare with.
  if (freeCount > 0 && m > 1) {
    // Square: one sweep only (see phase 2 above).
    const sweep = n < m ? Infinity : freeCount;
    freeCount = reduceRows(score, m, penalty, freeRows, freeCount, sweep, rowToCol, colToRow, price);
  }
  if (freeCount > 0) {
    const paths = new ShortestPaths(score, m, penalty, price, rowToCol, colToRow);
    for (let f = 0; f < freeCount; f++) paths.augment(freeRows[f]);
  }
  return rowToCol;
}

/** Rows probed to choose the starting prices of a square matrix. */
const PROBE_ROWS = 32;

/**
 * Column reduction: each column's price becomes its highest score. Rows already placed stay tight: they sit on a cell
 * scoring the overall maximum, which is then their column's maximum.
 */
function columnMaxima(score: Float64Array, n: number, penalty: number, price: Float64Array): void {
  price.fill(penalty);
  for (let i = 0; i < n; i++) {
    const base = i * n;
    for (let j = 0; j < n; j++) {
      const s = score[base + j];
      if (s > price[j]) price[j] = s;
    }
  }
}

/**
 * Greedy start: each of `rows[0, count)` takes the first free column where its reduced cost is 0 (the lowest possible,
 * so the row is at its optimum). The rows left free are compacted to the front of `rows`; returns how many.
 */
function takeTightColumns(
  score: Float64Array,
  m: number,
  penalty: number,
  price: Float64Array,
  rows: Int32Array,
  count: number,
  rowToCol: Int32Array,
  colToRow: Int32Array,
): number {
  let freeCount = 0;
  for (let k = 0; k < count; k++) {
    const i = rows[k];
    const base = i * m;
    let taken = -1;
    for (let j = 0; j < m; j++) {
      const s = Math.max(score[base + j], penalty);
      if (s === price[j] && colToRow[j] < 0) {
        taken = j;
        break;
      }
    }
    if (taken < 0) rows[freeCount++] = i;
    else {
      rowToCol[i] = taken;
      colToRow[taken] = i;
    }
  }
  return freeCount;
}

/**
 * Augmenting row reduction (Jonker & Volgenant). Each free row takes its cheapest column j1 (lowest reduced cost);
 * when its second-cheapest is strictly dearer, j1's price rises by the difference (the row stays at its optimum and
 * j1 becomes less attractive to the others) and an evicted holder is processed again at once; on a tie the row prefers
 * the second column when the first is taken, and any evicted holder waits. Past the original iteration cap, or
 * `maxIterations`, a row just takes its cheapest column and any holder waits. Returns the new number of free rows.
 */
function reduceRows(
  score: Float64Array,
  m: number,
  penalty: number,
  freeRows: Int32Array,
  freeCount: number,
  maxIterations: number,
  rowToCol: Int32Array,
  colToRow: Int32Array,
  price: Float64Array,
): number {
  let current = 0;
  let stillFree = 0;
  let iterations = 0;
  while (current < freeCount) {
    iterations++;
    const row = freeRows[current++];
    const base = row * m;
    let best = Infinity;
    let bestCol = 0;
    let second = Infinity;
    let secondCol = 1;
    for (let j = 0; j < m; j++) {
      const s = Math.max(score[base + j], penalty);
      const reduced = price[j] - s;
      if (reduced < second) {
        if (reduced >= best) {
          second = reduced;
          secondCol = j;
        } else {
          second = best;
          secondCol = bestCol;
          best = reduced;
          bestCol = j;
        }
      }
    }
    let chosen = bestCol;
    let evicted = colToRow[chosen];
    const raised = price[chosen] + (second - best);
    const raises = raised > price[chosen];
    if (iterations < current * m && iterations < maxIterations) {
      if (raises) price[chosen] = raised;
      else if (evicted >= 0) {
        chosen = secondCol;
        evicted = colToRow[chosen];
      }
      if (evicted >= 0) {
        if (raises) freeRows[--current] = evicted;
        else freeRows[stillFree++] = evicted;
      }
    } else if (evicted >= 0) {
      freeRows[stillFree++] = evicted;
    }
    if (evicted >= 0) rowToCol[evicted] = -1;
    rowToCol[row] = chosen;
    colToRow[chosen] = row;
  }
  return stillFree;
}

/**
 * Dijkstra on reduced costs from one free row to the nearest free column, then the flip of the path and the price
 * update that keeps every reduced cost non-negative. Work arrays are allocated once for all the free rows.
 *
 * Columns leave the search ("reached") by moving into `queue` in the order of their distance. While a column is
 * reached its price is parked and its live price and distance are +Infinity, so every scan can run over all columns in
 * order (sequential memory, no index list, no test for "reached"): a reached column never improves and is never the
 * minimum. Scanning a row updates the distances and finds the minimum of the rest in the same loop, so with real scores
 * (no ties) each reached column costs one pass, as in scipy's LSAP. Columns tied with the current distance join the
 * queue at once and a free one among them ends the search at once; that is what keeps integer scores with many ties
 * fast.
 */
class ShortestPaths {
  private readonly queue: Int32Array;
  /** The distance at which `queue[k]` was reached. */
  private readonly reachedAt: Float64Array;
  private readonly dist: Float64Array;
  private readonly pred: Int32Array;
  private readonly parked: Float64Array;
  private high = 0;

  constructor(
    private readonly score: Float64Array,
    private readonly m: number,
    private readonly penalty: number,
    private readonly price: Float64Array,
    private readonly rowToCol: Int32Array,
    private readonly colToRow: Int32Array,
  ) {
    this.queue = new Int32Array(m);
    this.reachedAt = new Float64Array(m);
    this.dist = new Float64Array(m);
    this.pred = new Int32Array(m);
    this.parked = new Float64Array(m);
  }

  augment(start: number): void {
    let col = this.search(start);
    const { pred, rowToCol, colToRow } = this;
    for (;;) {
      const row = pred[col];
      colToRow[col] = row;
      const previous = rowToCol[row];
      rowToCol[row] = col;
      if (row === start) break;
      col = previous;
    }
  }

  /**
   * `queue[0, ready)` reached below the current distance `level`, `[ready, low)` scanned at `level`, `[low, high)`
   * waiting at `level`. Returns the free column found.
   */
  private search(start: number): number {
    const { score, m, penalty, price, dist, pred, colToRow } = this;
    const startBase = start * m;
    // The minimum distance of the columns not reached yet, and the first and last column at it (ties when they
    // differ). Tracking both costs one comparison per column in the common case, unlike counting ties.
    let nextLevel = Infinity;
    let first = -1;
    let last = -1;
    for (let j = 0; j < m; j++) {
      pred[j] = start;
      const s = Math.max(score[startBase + j], penalty);
      const d = price[j] - s;
      dist[j] = d;
      if (d <= nextLevel) {
        if (d !== nextLevel) first = j;
        nextLevel = d;
        last = j;
      }
    }
    this.high = 0;
    let low = 0;
    let ready = 0;
    let level = 0;
    for (;;) {
      // Open the next level: queue every column at the minimum; a free one ends the search.
      ready = low;
      level = nextLevel;
      for (let j = first; j <= last; j++) {
        if (dist[j] === level) {
          this.reach(j, level);
          if (colToRow[j] < 0) return this.finish(ready, level, j);
        }
      }
      // Scan the rows holding the waiting columns.
      while (low < this.high) {
        const j0 = this.queue[low++];
        const row = colToRow[j0];
        const base = row * m;
        // The row's own reduced cost is 0, so reaching another column through it costs the difference.
        const offset = level + Math.max(score[base + j0], penalty) - this.parked[j0];
        nextLevel = Infinity;
        for (let j = 0; j < m; j++) {
          const s = Math.max(score[base + j], penalty);
          const d = price[j] - s + offset;
          let known = dist[j];
          if (d < known) {
            pred[j] = row;
            // Rounding can put a tie a hair below the level; it belongs to the level.
            if (d <= level) {
              this.reach(j, level);
              if (colToRow[j] < 0) return this.finish(ready, level, j);
              continue;
            }
            dist[j] = d;
            known = d;
          }
          if (known <= nextLevel) {
            if (known !== nextLevel) first = j;
            nextLevel = known;
            last = j;
          }
        }
      }
    }
  }

  private reach(j: number, level: number): void {
    const k = this.high++;
    this.queue[k] = j;
    this.reachedAt[k] = level;
    this.parked[j] = this.price[j];
    this.price[j] = Infinity;
    this.dist[j] = Infinity;
  }

  /** Unparks the prices of the queued columns, raising those reached below the final level. */
  private finish(ready: number, level: number, found: number): number {
    const { queue, reachedAt, price, parked, high } = this;
    for (let k = 0; k < ready; k++) {
      const j = queue[k];
      price[j] = parked[j] + (level - reachedAt[k]);
    }
    for (let k = ready; k < high; k++) {
      const j = queue[k];
      price[j] = parked[j];
    }
    return found;
  }
}
