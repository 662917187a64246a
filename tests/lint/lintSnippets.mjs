// Lints snippets with the project's eslint.config.mjs through the ESLint Node API, in a process of its own: ESLint loads
// its config with import(), which jest's module sandbox does not allow. Reads [{ filePath, code }] as JSON on stdin and
// writes [{ filePath, messages: [{ ruleId, message }] }]. Type information is left out (the snippets are not in any
// tsconfig); the boundary rules need none.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const root = path.resolve(import.meta.dirname, '..', '..');
const snippets = JSON.parse(readFileSync(0, 'utf8'));
const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });
const results = [];
for (const { filePath, code } of snippets) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  results.push({ filePath, messages: result.messages.map(({ ruleId, message }) => ({ ruleId, message })) });
}
process.stdout.write(JSON.stringify(results));
