import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The folders of bot/ import each other without loops, so each can be read, tested and changed from the bottom up. A
 * folder here is a unit: `bot/program/<stage>` with everything under it, `bot/<folder>` with its sub-folders (as
 * bot/directory/graph/ belongs to bot/directory/), and each file directly in bot/ on its own (config.ts, errors.ts...).
 * Imports are read with the TypeScript compiler (type imports count: they tie the folders together just the same).
 */

const root = path.resolve(__dirname, '..', '..');
const compilerOptions: ts.CompilerOptions = { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, resolveJsonModule: true };

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/** The unit a file of bot/ belongs to. */
function unitOf(file: string): string {
  const parts = file.split('/');
  if (parts.length === 2) return file;
  if (parts[1] === 'program' && parts.length > 3) return parts.slice(0, 3).join('/');
  return parts.slice(0, 2).join('/');
}

/** Where each relative import of the file leads (repository paths), resolved as tsc does. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(path.join(root, file), 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => {
      const resolved = ts.resolveModuleName(specifier, path.join(root, file), compilerOptions, ts.sys).resolvedModule;
      const target = resolved ? resolved.resolvedFileName : path.resolve(root, path.dirname(file), specifier);
      return path.relative(root, target).split(path.sep).join('/');
    });
}

type Graph = Map<string, Map<string, string[]>>;

/** Unit → unit it imports → the file imports that make the edge. */
function unitGraph(files: readonly string[]): Graph {
  const graph: Graph = new Map();
  for (const file of files) {
    for (const target of importsOf(file)) {
      if (!target.startsWith('bot/')) continue;
      const [from, to] = [unitOf(file), unitOf(target)];
      if (from === to) continue;
      const edges = graph.get(from) ?? new Map<string, string[]>();
      graph.set(from, edges);
      edges.set(to, [...(edges.get(to) ?? []), `${file} → ${target}`]);
    }
  }
  return graph;
}

/** The loops of the graph (strongly connected parts of more than one unit), each with the imports that close it. */
function loops(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (unit: string) => {
    index.set(unit, index.size);
    low.set(unit, index.get(unit) ?? 0);
    stack.push(unit);
    onStack.add(unit);
    for (const next of graph.get(unit)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(unit, Math.min(low.get(unit) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(unit, Math.min(low.get(unit) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(unit) !== index.get(unit)) return;
    const members: string[] = [];
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      onStack.delete(top);
      members.push(top);
      if (top === unit) break;
    }
    if (members.length < 2) return;
    const inLoop = new Set(members);
    found.push(members.flatMap((from) => [...(graph.get(from) ?? [])].filter(([to]) => inLoop.has(to)).flatMap(([, why]) => why)));
  };
  for (const unit of graph.keys()) if (!index.has(unit)) visit(unit);
  return found;
}

describe('the folders of bot/', () => {
  const files = sourceFiles('bot');

  it('finds a loop where there is one (the check itself)', () => {
    const graph: Graph = new Map([
      ['bot/a', new Map([['bot/b', ['a.ts → b.ts']]])],
      ['bot/b', new Map([['bot/c', ['b.ts → c.ts']]])],
      ['bot/c', new Map([['bot/a', ['c.ts → a.ts']]])],
      ['bot/d', new Map([['bot/a', ['d.ts → a.ts']]])],
    ]);
    expect(loops(graph)).toEqual([expect.arrayContaining(['a.ts → b.ts', 'b.ts → c.ts', 'c.ts → a.ts'])]);
    expect(loops(new Map([['bot/d', new Map([['bot/a', ['d.ts → a.ts']]])]]))).toEqual([]);
    expect(unitOf('bot/program/applications/cards/x.ts')).toBe('bot/program/applications');
    expect(unitOf('bot/directory/graph/graphClient.ts')).toBe('bot/directory');
    expect(unitOf('bot/config.ts')).toBe('bot/config.ts');
  });

  it('import each other without loops', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(loops(unitGraph(files))).toEqual([]);
  });

  it('import nothing of the tab, the manifest builder, the tests or the scripts', () => {
    const outside = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => !target.startsWith('bot/') && !target.includes('node_modules/'))
        .map((target) => `${file} → ${target}`),
    );
    expect(outside).toEqual([]);
  });
});
