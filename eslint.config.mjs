// One lint config for the service, the tab, the tests, the manifest builder and the scripts. `npm run lint`.
// The boundary rules at the end are the layering of CONTRIBUTING.md ("Dependencies point inward") as checks;
// tests/lint/ proves each one still fires.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Files that may import the Bot Framework SDK (botbuilder, botframework-*). */
const TEAMS = ['bot/teams/**'];
/** Files that may import @azure/data-tables: the storage layer and the stores (the scheduler's included). */
const STORAGE = ['bot/storage/**', 'bot/**/*Store.ts'];
/** Files that may import the Microsoft Graph client. */
const GRAPH = ['bot/directory/**'];
/** The shared wire contract, compiled by both the service and the tab (tab/tsconfig.json lists the same). */
const CONTRACT = ['bot/contract/**', 'bot/**/api.ts'];
/**
 * Files that may read process.env: the service's configuration, and the code that starts a child process or a browser
 * and hands it an environment (test support, the command-line scripts). Tests configure the service through
 * `startTestService`/`loadConfig`, never through the environment of the jest process.
 */
/** `JSON.parse(...) as T`: a value of any shape believed to be a T. */
const UNCHECKED_JSON = "TSAsExpression > CallExpression.expression[callee.object.name='JSON'][callee.property.name='parse']";
const ENVIRONMENT = ['bot/config.ts', 'tests/support/**', 'scripts/**'];

const botbuilder = {
  group: ['botbuilder', 'botbuilder-*', 'botbuilder/*', 'botframework-*'],
  message: 'The Bot Framework SDK is used only in bot/teams/.',
};
const dataTables = {
  group: ['@azure/data-tables', '@azure/data-tables/*'],
  message: '@azure/data-tables is used only in bot/storage/ and the stores (*Store.ts).',
};
const graphClient = {
  group: ['@microsoft/microsoft-graph-client', '@microsoft/microsoft-graph-client/*'],
  message: 'The Microsoft Graph client is used only in bot/directory/.',
};
const tabFromBot = {
  group: ['**/tab/**', '**/tab'],
  message: 'The service does not import the tab.',
};
const botFromTab = {
  // Anything under bot/ but the contract modules (the same list tab/tsconfig.json compiles).
  regex: String.raw`(^|/)bot/(?!contract/|(.*/)?api(\.ts)?$|http/sessionApi(\.ts)?$)`,
  message: 'The tab imports from bot/ only the shared contract modules (bot/contract/**, bot/**/api.ts).',
};

/** no-restricted-imports replaces rather than merges its options per file, so each file group gets its whole list. */
function restrictedImports(...patterns) {
  return { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] };
}

const processEnv = {
  'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Only bot/config.ts reads process.env; take settings from the Config.' }],
};

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'tab/dist/**', '.deployment/**', 'appPackage/**', '.data/**'],
  },
  {
    files: ['bot/**/*.ts', 'tab/src/**/*.{ts,tsx}', 'tests/**/*.ts', 'manifest/**/*.ts', 'scripts/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Slow: together a third of the lint run, for little here (deprecations show in the editor; no enums).
      '@typescript-eslint/no-deprecated': 'off',
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      '@typescript-eslint/no-unsafe-enum-assignment': 'off',
      // Numbers and booleans read well in sentences and keys; objects, nullish and any stay errors.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `return reply(res, 404, ...)` ends a handler early and `() => setOpen(false)` is the React idiom.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // Rows read from storage and bodies from the wire may lack a field their type declares; `=== true` guards that.
      '@typescript-eslint/no-unnecessary-boolean-literal-compare': 'off',
      // Without noUncheckedIndexedAccess, `rows[i]` types as defined, so guards on lookups and untrusted rows are flagged.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Functions that implement a Promise-returning interface (routes, handlers, doubles) are async with no await.
      '@typescript-eslint/require-await': 'off',
      // `[...text]` is deliberate: lengths and limits count code points, as the services they mirror do.
      '@typescript-eslint/no-misused-spread': 'off',
      // Input parsers coerce untrusted values with String(value) before checking them, even where the static type says
      // they are strings already; objects in template strings are still caught by restrict-template-expressions.
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/no-unnecessary-type-conversion': 'off',
      // Clearing one of a known set of optional fields (`delete person[key]`) keeps the object's shape as if never set.
      '@typescript-eslint/no-dynamic-delete': 'off',
      // Text checks match control characters on purpose, to reject them.
      'no-control-regex': 'off',
      // `_name` marks a deliberately unused binding (a rest pattern that drops a field, a positional parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['tab/src/**/*.{ts,tsx}'],
    // Props declared with method shorthand are destructured as plain callbacks; no class `this` is involved.
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // Tests read JSON answers and wire bodies as they come; the assertions are the type check.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // A missing value fails the test at once, which is what `!` says.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // The command-line scripts are plain CommonJS with no types to import.
      '@typescript-eslint/no-require-imports': ['error', { allow: [String.raw`/scripts/[\w-]+\.js$`] }],
    },
  },
  {
    // The harness answers every route of the intake stages; each test reads the fields it asserts on.
    files: ['tests/program/intakeHarness.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },

  // Boundaries. Each group lists every pattern that applies to it (see restrictedImports).
  { files: ['bot/**/*.ts'], rules: restrictedImports(botbuilder, dataTables, graphClient, tabFromBot) },
  { files: TEAMS, rules: restrictedImports(dataTables, graphClient, tabFromBot) },
  { files: STORAGE, rules: restrictedImports(botbuilder, graphClient, tabFromBot) },
  { files: GRAPH, rules: restrictedImports(botbuilder, dataTables, tabFromBot) },
  { files: ['bot/directory/**/*Store.ts'], rules: restrictedImports(botbuilder, tabFromBot) },
  { files: ['tab/src/**/*.{ts,tsx}'], rules: restrictedImports(botbuilder, dataTables, graphClient, botFromTab) },
  { files: CONTRACT, rules: restrictedImports(botbuilder, dataTables, graphClient, tabFromBot) },
  { files: ['bot/**/*.ts', 'tab/src/**/*.{ts,tsx}', 'tests/**/*.ts', 'manifest/**/*.ts', 'scripts/**/*.{ts,js}', 'tests/**/*.js'], ignores: ENVIRONMENT, rules: processEnv },
  // A store reads its JSON columns through readJsonColumn (bot/storage/rowJson.ts): checked, never cast.
  {
    files: ['bot/**/*Store.ts'],
    rules: { 'no-restricted-syntax': ['error', { selector: UNCHECKED_JSON, message: 'Read a JSON column with readJsonColumn and a schema, not JSON.parse(...) as T.' }] },
  },
);
