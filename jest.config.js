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
};
