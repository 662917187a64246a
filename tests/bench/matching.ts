/**
 * Matching benchmark: our assignment solver and scipy's `linear_sum_assignment` on the same matrices (500×500,
 * 1000×1000, 1000×3000, 2000×2000; random real scores and integer scores 0..10 with many ties).
 * The matrices go to a long-lived Python worker (tests/bench/scipy_lsa.py) as a float64 file; scipy is timed inside
 * Python (no I/O), ours in-process; the runs of the two alternate so both see the same machine load, and each reports
 * the median of 5–41 runs (see `runsFor`) after one untimed run. Totals are summed here from the original scores for both.
 * Prints a table, then as the last line one JSON object with every case, the worst ratio, whether all totals were
 * equal, and the time of one whole matching run (`full_run_ms`, see `timeFullMatchingRun`).
 * Installs nothing: without python3 or scipy it says what to install and reports scipy as missing.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { solveAssignment } from '../../bot/program/matching/solver/assignment';
import { OrgIndex } from '../../bot/directory/orgIndex';
import { generateOrg } from '../../bot/directory/sampleOrg';
import { DEFAULT_SCORING } from '../../bot/program/matching/matchingRules';
import { runMatching } from '../../bot/program/matching/proposalRules';
import { syntheticPool } from '../../bot/program/matching/syntheticPool';
import { seededRandom } from '../../bot/seededRandom';

type ScoreShape = 'real' | 'integer';

interface Case {
  shape: string;
  scores: ScoreShape;
  ours_ms: number;
  scipy_ms: number | null;
  ratio: number | null;
  equal_totals: boolean | null;
  ours_total: number;
  scipy_total: number | null;
}

const SHAPES: Array<[number, number]> = [
  [500, 500],
  [1000, 1000],
  [1000, 3000],
  [2000, 2000],
];
const SCORE_SHAPES: ScoreShape[] = ['real', 'integer'];
const INTEGER_MAX = 10;

/**
 * Time of one whole matching run (scores + rules + solve) for 1,000 executives × 5,000 mentors on a 100,000-person
 * org, in milliseconds. Returns null until the matching run exists; whoever builds it fills this in.
 */
async function timeFullMatchingRun(): Promise<number | null> {
  const org = OrgIndex.build(generateOrg({ size: 100_000, seed: 7 }));
  const pool = syntheticPool(org, { executives: 1000, mentors: 5000, topicCount: 20, seed: 11 });
  const rules = { hierarchy: org, pairedBefore: [], bans: [] };
  const started = performance.now();
  const result = runMatching({ ...pool, rules, scoring: DEFAULT_SCORING, locks: [] });
  const ms = performance.now() - started;
  console.log(
    `full matching run: ${pool.executives.length} executives x ${pool.mentors.length} mentors on ${org.size} people: ${ms.toFixed(0)} ms, ${result.pairs.length} pairs, ${result.unmatched.length} unmatched, total ${result.totalScore}`,
  );
  return Math.round(ms);
}

function matrix(rows: number, cols: number, shape: ScoreShape, seed: number): Float64Array {
  const next = seededRandom(seed);
  const scores = new Float64Array(rows * cols);
  for (let cell = 0; cell < scores.length; cell++) {
    scores[cell] = shape === 'integer' ? Math.floor(next() * (INTEGER_MAX + 1)) : next();
  }
  return scores;
}

/**
 * Timed runs per case: enough for about a quarter of a second of ours (so millisecond cases get a stable median on a
 * busy machine), at least 5, at most 41.
 */
function runsFor(firstRunMs: number): number {
  return Math.min(41, Math.max(5, Math.round(250 / Math.max(firstRunMs, 0.1))));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function totalOf(scores: Float64Array, cols: number, rowToCol: Int32Array): number {
  let total = 0;
  for (let row = 0; row < rowToCol.length; row++) if (rowToCol[row] >= 0) total += scores[row * cols + rowToCol[row]];
  return total;
}

interface Timing {
  ms: number;
  total: number;
}

/**
 * Runs ours and scipy alternately on the same matrix (so both see the same machine load) and returns the median time
 * of each and the totals of the assignments they return, both summed here from the original scores.
 */
async function timeCase(scores: Float64Array, rows: number, cols: number, scipy: ScipyWorker | null, workDir: string): Promise<{ ours: Timing; scipy: Timing | null }> {
  const assignmentPath = join(workDir, 'assignment.i32');
  if (scipy) {
    const matrixPath = join(workDir, 'scores.f64');
    writeFileSync(matrixPath, new Uint8Array(scores.buffer, scores.byteOffset, scores.byteLength));
    await scipy.request(`load ${matrixPath} ${rows} ${cols}`);
  }
  // One untimed run of each first: compilation and first-touch costs are not what the comparison is about.
  const warmUp = performance.now();
  solveAssignment(scores, rows, cols);
  const runs = runsFor(performance.now() - warmUp);
  if (scipy) await scipy.request(`solve ${assignmentPath}`);
  const ours: number[] = [];
  const theirs: number[] = [];
  let oursTotal = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const result = solveAssignment(scores, rows, cols);
    ours.push(performance.now() - started);
    oursTotal = totalOf(scores, cols, result.rowToCol);
    if (scipy) theirs.push((await scipy.request(`solve ${assignmentPath}`)).ms ?? NaN);
  }
  if (!scipy) return { ours: { ms: median(ours), total: oursTotal }, scipy: null };
  const bytes = readFileSync(assignmentPath);
  const scipyRowToCol = new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return {
    ours: { ms: median(ours), total: oursTotal },
    scipy: { ms: median(theirs), total: totalOf(scores, cols, scipyRowToCol) },
  };
}

/** The Python helper next to this file's source (the bench runs from dist/tests/bench or from the repository). */
function scipyScript(): string {
  const candidates = [resolve(process.cwd(), 'tests/bench/scipy_lsa.py'), resolve(__dirname, '../../../tests/bench/scipy_lsa.py'), resolve(__dirname, 'scipy_lsa.py')];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`tests/bench/scipy_lsa.py not found (looked in ${candidates.join(', ')})`);
  return found;
}

type Reply = { ready?: boolean; ok?: boolean; ms?: number; error?: string };

/** scipy_lsa.py as a long-lived worker: one JSON reply line per request line. */
class ScipyWorker {
  private readonly waiting: Array<(reply: Reply) => void> = [];
  private stderr = '';
  private spawnFailed = false;
  private exitCode: number | null = null;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (line) => this.waiting.shift()?.(JSON.parse(line) as Reply));
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    // Writing to a worker that has died fails; the exit handler below reports it.
    child.stdin.on('error', () => undefined);
    // A worker that dies answers every pending request with an error instead of leaving the bench hanging.
    const failAll = (error: string) => {
      for (const answer of this.waiting.splice(0)) answer({ error });
    };
    child.on('error', (error) => {
      this.spawnFailed = true;
      failAll(error.message);
    });
    child.on('exit', (code) => {
      this.exitCode = code;
      failAll(`exited with code ${code}: ${this.stderr.trim()}`);
    });
  }

  /** The worker, or what to install when python3 or scipy is missing. */
  static async start(): Promise<ScipyWorker | { missing: string }> {
    const worker = new ScipyWorker(spawn('python3', [scipyScript()], { stdio: ['pipe', 'pipe', 'pipe'] }));
    const first = await new Promise<Reply>((answer) => worker.waiting.push(answer));
    if (first.ready) return worker;
    if (worker.spawnFailed) return { missing: 'python3 is not installed: apt-get install -y python3 python3-scipy' };
    if (worker.exitCode === 3) return { missing: 'scipy is not installed for python3: apt-get install -y python3-scipy' };
    throw new Error(`scipy_lsa.py did not start: ${first.error ?? JSON.stringify(first)}`);
  }

  async request(line: string): Promise<Reply> {
    const reply = await new Promise<Reply>((answer) => {
      this.waiting.push(answer);
      this.child.stdin.write(`${line}\n`);
    });
    if (reply.error) throw new Error(`scipy_lsa.py: ${reply.error}`);
    return reply;
  }

  stop(): void {
    this.child.stdin.end();
  }
}

/** Integer totals must match exactly; real totals of two optimal assignments may differ in the last bits. */
function sameTotal(a: number, b: number, shape: ScoreShape): boolean {
  return shape === 'integer' ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function printTable(cases: Case[]): void {
  const header = ['shape', 'scores', 'ours ms', 'scipy ms', 'ratio', 'equal totals', 'total'];
  const rows = cases.map((c) => [
    c.shape,
    c.scores,
    String(c.ours_ms),
    c.scipy_ms === null ? 'missing' : String(c.scipy_ms),
    c.ratio === null ? '-' : c.ratio.toFixed(2),
    c.equal_totals === null ? '-' : String(c.equal_totals),
    c.scores === 'integer' ? String(c.ours_total) : c.ours_total.toFixed(6),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padStart(widths[i])).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  const started = await ScipyWorker.start();
  const scipy = started instanceof ScipyWorker ? started : null;
  const missing = started instanceof ScipyWorker ? null : started.missing;
  if (missing) console.log(`scipy: ${missing}; reporting scipy as missing`);
  const workDir = mkdtempSync(join(tmpdir(), 'bench-matching-'));
  const cases: Case[] = [];
  try {
    let seed = 1;
    for (const [rows, cols] of SHAPES) {
      for (const shape of SCORE_SHAPES) {
        const scores = matrix(rows, cols, shape, seed++);
        const timing = await timeCase(scores, rows, cols, scipy, workDir);
        const theirs = timing.scipy;
        cases.push({
          shape: `${rows}x${cols}`,
          scores: shape,
          ours_ms: round(timing.ours.ms),
          scipy_ms: theirs ? round(theirs.ms) : null,
          ratio: theirs ? Math.round((timing.ours.ms / theirs.ms) * 100) / 100 : null,
          equal_totals: theirs ? sameTotal(timing.ours.total, theirs.total, shape) : null,
          ours_total: timing.ours.total,
          scipy_total: theirs ? theirs.total : null,
        });
      }
    }
  } finally {
    scipy?.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
  const fullRunMs = await timeFullMatchingRun();
  printTable(cases);
  const ratios = cases.flatMap((c) => (c.ratio === null ? [] : [c.ratio]));
  const summary = {
    cases: cases.map(({ shape, scores, ours_ms, scipy_ms, ratio, equal_totals }) => ({
      shape,
      scores,
      ours_ms,
      scipy_ms,
      ratio,
      equal_totals,
    })),
    worst_ratio: missing ? null : Math.max(...ratios),
    all_equal: missing ? null : cases.every((c) => c.equal_totals === true),
    full_run_ms: fullRunMs,
    ...(missing ? { scipy: `missing: ${missing}` } : {}),
  };
  console.log(JSON.stringify(summary));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
