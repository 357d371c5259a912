// `npm run bench`: the completion-to-decision latency benchmark (real PostgreSQL and Kafka).
module.exports = { ...require('../../jest.base.js'), roots: ['<rootDir>/bench'], testMatch: ['**/*.bench.ts'], testTimeout: 1_800_000 };
