import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The layering rules of eslint.config.mjs, proved on small snippets: each forbidden import fails where it is forbidden
 * and passes where it belongs, so a rule that stops firing (a renamed folder, a glob typo) fails here.
 */

const root = path.resolve(__dirname, '..', '..');

interface Snippet {
  filePath: string;
  code: string;
}
interface Finding {
  ruleId: string | null;
  message: string;
}

const IMPORT_RULE = '@typescript-eslint/no-restricted-imports';
const ENV_RULE = 'no-restricted-properties';
const SYNTAX_RULE = 'no-restricted-syntax';

const importOf = (from: string) => `import * as sdk from '${from}';\nexport const used = sdk;\n`;
const READS_ENV = 'export const port = process.env.PORT;\n';
const CASTS_JSON = 'export const read = (text: string) => JSON.parse(text) as string[];\n';
const CHECKS_JSON = 'export const read = (text: string): unknown => JSON.parse(text);\n';
const DESTRUCTURES_ENV = 'const { env } = process;\nexport const port = env.PORT;\n';

/** Lints every snippet in one ESLint run (a child process: see lintSnippets.mjs); the findings of each, in order. */
function lint(snippets: readonly Snippet[]): Finding[][] {
  const output = execFileSync(process.execPath, [path.join(__dirname, 'lintSnippets.mjs')], { cwd: root, input: JSON.stringify(snippets), encoding: 'utf8' });
  const results = JSON.parse(output) as { filePath: string; messages: Finding[] }[];
  expect(results.map((r) => r.filePath)).toEqual(snippets.map((s) => s.filePath));
  return results.map((r) => r.messages);
}

/** [where, code, the rule that must fire there (undefined: none may), what the message must say]. */
type Case = [filePath: string, code: string, rule: string | undefined, says?: RegExp];

const cases: Case[] = [
  // Bot Framework SDK: bot/teams/ only.
  ['bot/program/cohorts/cohortRoutes.ts', importOf('botbuilder'), IMPORT_RULE, /only in bot\/teams/],
  ['bot/http/someRoute.ts', importOf('botframework-schema'), IMPORT_RULE, /only in bot\/teams/],
  ['bot/program/cohorts/cohortStore.ts', importOf('botbuilder-core'), IMPORT_RULE, /only in bot\/teams/],
  ['bot/directory/graph/graphThing.ts', importOf('botframework-connector'), IMPORT_RULE, /only in bot\/teams/],
  ['tab/src/pages/Thing.tsx', importOf('botbuilder'), IMPORT_RULE, /only in bot\/teams/],
  ['bot/teams/adapterPart.ts', importOf('botbuilder'), undefined],
  ['bot/teams/schemaPart.ts', importOf('botframework-schema'), undefined],

  // Table storage SDK: bot/storage/ and the stores.
  ['bot/program/cohorts/cohortRoutes.ts', importOf('@azure/data-tables'), IMPORT_RULE, /only in bot\/storage\/ and the stores/],
  ['bot/teams/adapterPart.ts', importOf('@azure/data-tables'), IMPORT_RULE, /only in bot\/storage\/ and the stores/],
  ['bot/directory/directorySync.ts', importOf('@azure/data-tables'), IMPORT_RULE, /only in bot\/storage\/ and the stores/],
  ['bot/program/cohorts/api.ts', importOf('@azure/data-tables'), IMPORT_RULE, /only in bot\/storage\/ and the stores/],
  ['tab/src/pages/Thing.tsx', importOf('@azure/data-tables'), IMPORT_RULE, /only in bot\/storage\/ and the stores/],
  ['bot/storage/tables.ts', importOf('@azure/data-tables'), undefined],
  ['bot/program/cohorts/cohortStore.ts', importOf('@azure/data-tables'), undefined],
  ['bot/scheduler/jobStore.ts', importOf('@azure/data-tables'), undefined],
  ['bot/directory/snapshotStore.ts', importOf('@azure/data-tables'), undefined],

  // Microsoft Graph client: bot/directory/ only.
  ['bot/program/matching/matchingService.ts', importOf('@microsoft/microsoft-graph-client'), IMPORT_RULE, /only in bot\/directory/],
  ['bot/teams/adapterPart.ts', importOf('@microsoft/microsoft-graph-client'), IMPORT_RULE, /only in bot\/directory/],
  ['bot/directory/api.ts', importOf('@microsoft/microsoft-graph-client'), IMPORT_RULE, /only in bot\/directory/],
  ['bot/directory/graph/graphClient.ts', importOf('@microsoft/microsoft-graph-client'), undefined],

  // process.env: bot/config.ts, and the code that hands an environment to a child process.
  ['bot/program/cohorts/cohortRoutes.ts', READS_ENV, ENV_RULE, /Only bot\/config\.ts reads process\.env/],
  ['bot/app.ts', DESTRUCTURES_ENV, ENV_RULE, /Only bot\/config\.ts reads process\.env/],
  ['manifest/package.ts', READS_ENV, ENV_RULE, /Only bot\/config\.ts reads process\.env/],
  ['tab/src/teams.ts', READS_ENV, ENV_RULE, /Only bot\/config\.ts reads process\.env/],
  ['tests/program/nomination.test.ts', READS_ENV, ENV_RULE, /Only bot\/config\.ts reads process\.env/],
  ['bot/config.ts', READS_ENV, undefined],
  ['tests/support/serviceProcess.ts', READS_ENV, undefined],

  // bot/ and tab/ apart, but for the shared contract modules.
  ['bot/program/cohorts/cohortRoutes.ts', importOf('../../../tab/src/api'), IMPORT_RULE, /does not import the tab/],
  ['bot/app.ts', importOf('../tab/src/routes'), IMPORT_RULE, /does not import the tab/],
  ['tab/src/pages/Thing.tsx', importOf('../../../bot/program/cohorts/cohortStore'), IMPORT_RULE, /only the shared contract modules/],
  ['tab/src/Shell.tsx', importOf('../../bot/config'), IMPORT_RULE, /only the shared contract modules/],
  ['tab/src/pages/cohorts/Thing.tsx', importOf('../../../../bot/program/api-helpers'), IMPORT_RULE, /only the shared contract modules/],
  ['tab/src/pages/cohorts/Thing.tsx', importOf('../../../../bot/program/cohorts/api'), undefined],
  ['tab/src/api.ts', importOf('../../bot/contract/endpoint'), undefined],
  ['tab/src/useSignIn.ts', importOf('../../bot/http/sessionApi'), undefined],

  // A store reads JSON columns through a schema (bot/storage/rowJson.ts), never `JSON.parse(...) as T`.
  ['bot/program/cohorts/cohortStore.ts', CASTS_JSON, SYNTAX_RULE, /readJsonColumn/],
  ['bot/messaging/batchStore.ts', CASTS_JSON, SYNTAX_RULE, /readJsonColumn/],
  ['bot/program/cohorts/cohortStore.ts', CHECKS_JSON, undefined],
];

describe('the layering rules of eslint.config.mjs', () => {
  let findings: Finding[][] = [];

  beforeAll(() => {
    findings = lint(cases.map(([filePath, code]) => ({ filePath, code })));
  });

  it.each(cases.map(([filePath, code, rule, says], i) => [filePath, code, rule, says, i] as const))('%s: %j', (_filePath, _code, rule, says, index) => {
    const messages = findings[index];
    expect(messages).toBeDefined();
    // No parse error or config failure may stand in for the rule.
    expect(messages?.filter((m) => m.ruleId === null)).toEqual([]);
    const boundary = (messages ?? []).filter((m) => m.ruleId === IMPORT_RULE || m.ruleId === ENV_RULE || m.ruleId === SYNTAX_RULE);
    if (rule === undefined) {
      expect(boundary).toEqual([]);
    } else {
      expect(boundary).toHaveLength(1);
      expect(boundary[0].ruleId).toBe(rule);
      expect(boundary[0].message).toMatch(says ?? /./);
    }
  });
});
