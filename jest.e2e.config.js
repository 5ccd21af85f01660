// `npm run test:e2e`: the built pane in Chromium (test/e2e). globalSetup builds dist/ when it is missing or
// older than the sources; each test serves it on a free port and drives /usr/bin/chromium (playwright-core).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
  testTimeout: 120000,
  verbose: true,
};
