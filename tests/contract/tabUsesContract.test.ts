import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The tab declares no wire type of its own and reaches the service only through its client (tab/src/api.ts), which
 * takes the contract's endpoints; errors are told apart by code, never by HTTP status. The tab's typecheck
 * (`tsc -p tab/tsconfig.json`) checks every call against the contract; this test keeps copies from creeping back.
 */
const root = join(__dirname, '..', '..');

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, keep);
    return keep(path) ? [path] : [];
  });
}

const contractModules = [
  ...filesUnder(join(root, 'bot', 'contract'), (p) => p.endsWith('.ts')),
  ...filesUnder(join(root, 'bot'), (p) => p.endsWith(`/api.ts`)),
  join(root, 'bot', 'http', 'sessionApi.ts'),
];
const tabFiles = filesUnder(join(root, 'tab', 'src'), (p) => /\.tsx?$/.test(p));
const source = (path: string) => readFileSync(path, 'utf8');
const where = (path: string) => relative(root, path);

describe('the tab uses the shared API contract', () => {
  const contractTypes = new Set(contractModules.flatMap((path) => [...source(path).matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1] ?? '')));

  it('finds the contract modules and their types', () => {
    expect(contractModules.map(where)).toEqual(
      expect.arrayContaining(['bot/program/cohorts/api.ts', 'bot/program/matching/api.ts', 'bot/directory/api.ts', 'bot/http/sessionApi.ts']),
    );
    expect([...contractTypes]).toEqual(expect.arrayContaining(['CohortJson', 'Proposal', 'DirectoryStatus', 'Me', 'ErrorCode']));
  });

  it('declares no type named like one of the contract', () => {
    const copies = tabFiles.flatMap((path) =>
      [...source(path).matchAll(/^\s*(?:export )?(?:interface (\w+)|type (\w+)\s*(?:<[^>]*>)?\s*=)/gm)]
        .map((m) => m[1] ?? m[2] ?? '')
        .filter((name) => contractTypes.has(name))
        .map((name) => `${where(path)}: ${name}`),
    );
    expect(copies).toEqual([]);
  });

  it('calls the service only through its client', () => {
    const fetching = tabFiles.filter((path) => /\bfetch\(/.test(source(path))).map(where);
    expect(fetching).toEqual(['tab/src/api.ts']);
  });

  it('tells errors apart by code, never by HTTP status', () => {
    const statusTests = tabFiles.filter((path) => /\.status\s*[!=]==?\s*\d{3}|\b\d{3}\s*[!=]==?\s*\w+\.status\b/.test(source(path))).map(where);
    expect(statusTests).toEqual([]);
  });
});
