/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: '<rootDir>/tests/support/testEnvironment.ts',
  roots: ['<rootDir>/bot', '<rootDir>/tests', '<rootDir>/manifest'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type checking runs once in `npm run typecheck`; jest only transpiles.
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }],
  },
  moduleNameMapper: {
    '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js',
    '^strip-bom$': '<rootDir>/tests/support/stripBom.js',
  },
  globalSetup: '<rootDir>/tests/support/globalSetup.js',
  reporters: ['default', '<rootDir>/tests/support/summaryReporter.js'],
  testTimeout: 60000,
  maxWorkers: 2,
  // A worker that ran the browser tests reaches its 'exit' event within milliseconds of the end, with only its IPC pipe
  // and stdio open (no handle left behind; measured), but the process's own teardown after that event can take longer
  // than jest's default 500 ms on a busy machine, and jest then kills it and reports a leak that is not one.
  workerGracefulExitTimeout: 5000,
};
