// Shared jest settings: ts-jest compiles each workspace's tests; internal packages resolve to
// their built dist (turbo builds them first).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: { warnOnly: false } }],
  },
  testTimeout: 60_000,
  maxWorkers: 1,
  // A lingering Kafka client must never hang CI; each suite stops what it starts in afterAll.
  forceExit: true,
  reporters: ['default', require.resolve('./scripts/jest-summary-reporter.js')],
};
