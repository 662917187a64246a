/**
 * The last phase of `denseMaxScoreAssignment` (see there for the score layout, the penalty and the prices).
 *
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
export class ShortestPaths {
  private readonly queue: Int32Array;
  /** The distance at which `queue[k]` was reached. */
  private readonly reachedAt: Float64Array;
  private readonly dist: Float64Array;
  private readonly pred: Int32Array;
  private readonly parked: Float64Array;
  private readonly plain: boolean;
  private high = 0;
  /** Left by a scan that found no free column: the minimum distance of the rest, and its first and last column. */
  private nextLevel = Infinity;
  private first = -1;
  private last = -1;

  constructor(
    private readonly score: Float64Array,
    private readonly m: number,
    private readonly penalty: number,
    hasForbidden: boolean,
    private readonly price: Float64Array,
    private readonly rowToCol: Int32Array,
    private readonly colToRow: Int32Array,
  ) {
    this.queue = new Int32Array(m);
    this.reachedAt = new Float64Array(m);
    this.dist = new Float64Array(m);
    this.pred = new Int32Array(m);
    this.parked = new Float64Array(m);
    this.plain = !hasForbidden;
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
        const found = this.plain ? this.scan(colToRow[j0], j0, level) : this.scanWithPenalty(colToRow[j0], j0, level);
        if (found >= 0) return this.finish(ready, level, found);
      }
      ({ nextLevel, first, last } = this);
    }
  }

  /**
   * Relaxes every column not reached yet through `row` (which holds `j0`, reached at `level`). Columns tied with
   * `level` join the queue; returns a free one among them at once, else -1 with the minimum of the rest and its first
   * and last column in `nextLevel`, `first`, `last`. For scores without forbidden cells: the same loop as
   * `scanWithPenalty` without the `Math.max`, which is most of the solve time and 15–20% faster so.
   */
  private scan(row: number, j0: number, level: number): number {
    const { score, m, price, dist, pred, colToRow } = this;
    const base = row * m;
    // The row's own reduced cost is 0, so reaching another column through it costs the difference.
    const offset = level + score[base + j0] - this.parked[j0];
    let nextLevel = Infinity;
    let first = -1;
    let last = -1;
    for (let j = 0; j < m; j++) {
      const d = price[j] - score[base + j] + offset;
      let known = dist[j];
      if (d < known) {
        pred[j] = row;
        // Rounding can put a tie a hair below the level; it belongs to the level.
        if (d <= level) {
          this.reach(j, level);
          if (colToRow[j] < 0) return j;
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
    this.nextLevel = nextLevel;
    this.first = first;
    this.last = last;
    return -1;
  }

  /** `scan` for scores with forbidden cells, read as the penalty. */
  private scanWithPenalty(row: number, j0: number, level: number): number {
    const { score, m, penalty, price, dist, pred, colToRow } = this;
    const base = row * m;
    const offset = level + Math.max(score[base + j0], penalty) - this.parked[j0];
    let nextLevel = Infinity;
    let first = -1;
    let last = -1;
    for (let j = 0; j < m; j++) {
      const d = price[j] - Math.max(score[base + j], penalty) + offset;
      let known = dist[j];
      if (d < known) {
        pred[j] = row;
        if (d <= level) {
          this.reach(j, level);
          if (colToRow[j] < 0) return j;
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
    this.nextLevel = nextLevel;
    this.first = first;
    this.last = last;
    return -1;
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
