import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

/**
 * Every package the code imports is declared in package.json, so a fresh `npm ci` gives what the code needs rather than
 * whatever another package happened to bring along. What the service runs (bot/) is in `dependencies`: the deployment
 * installs those only (scripts/stage-deploy.js).
 */

const root = path.resolve(__dirname, '..', '..');
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const SOURCE_FOLDERS = ['bot', 'tab/src', 'tests', 'manifest', 'scripts'];
const SOURCE_FILE = /\.(ts|tsx|js|mjs|cjs)$/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return SOURCE_FILE.test(entry.name) ? [relative] : [];
  });
}

/** The package a bare specifier names (`@scope/name/deep/path` → `@scope/name`), or undefined for files and built-ins. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return builtinModules.includes(name) ? undefined : name;
}

/** Every module specifier a file imports: import and export declarations, import(), require(). */
function specifiersOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(path.join(root, file), 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

/** Specifiers of the imports that stay in the compiled JavaScript (`import type` and all-type imports are erased). */
function runtimeSpecifiersOf(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.ES2022, false);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    if (!statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      const allTypes = bindings && ts.isNamedImports(bindings) && !clause.name && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
      if (clause?.isTypeOnly || allTypes) continue;
    } else if (statement.isTypeOnly) continue;
    found.push(statement.moduleSpecifier.text);
  }
  return found;
}

describe('packages the code imports', () => {
  const declared = new Set([...Object.keys(packageJson.dependencies), ...Object.keys(packageJson.devDependencies)]);

  it('names packages as npm does', () => {
    expect(packageOf('@fluentui/react-icons')).toBe('@fluentui/react-icons');
    expect(packageOf('@azure/data-tables/dist/x')).toBe('@azure/data-tables');
    expect(packageOf('azurite/dist/src/table/TableServer')).toBe('azurite');
    expect(packageOf('node:fs')).toBeUndefined();
    expect(packageOf('fs/promises')).toBeUndefined();
    expect(packageOf('../storage/tables')).toBeUndefined();
  });

  it.each(SOURCE_FOLDERS)('are declared in package.json (%s)', (folder) => {
    const undeclared = sourceFiles(folder).flatMap((file) =>
      specifiersOf(file)
        .map(packageOf)
        .filter((name): name is string => name !== undefined && !declared.has(name))
        .map((name) => `${file} imports ${name}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('that the service runs are production dependencies', () => {
    const production = new Set(Object.keys(packageJson.dependencies));
    const devOnly = sourceFiles('bot').flatMap((file) =>
      runtimeSpecifiersOf(file)
        .map(packageOf)
        .filter((name): name is string => name !== undefined && !production.has(name))
        .map((name) => `${file} imports ${name}`),
    );
    expect(devOnly).toEqual([]);
  });
});
