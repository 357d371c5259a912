// Writes each workspace's jest totals to .data/test-results/, so `npm test` can print one
// closing line for the whole repo ("tests: N passed, N failed").
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const dir = path.join(__dirname, '..', '.data', 'test-results');
    mkdirSync(dir, { recursive: true });
    const name = path.relative(path.join(__dirname, '..'), this.rootDir).replace(/[\\/]/g, '_') || 'root';
    writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({
      workspace: name,
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests,
      suites: results.numTotalTestSuites,
      seconds: (Date.now() - results.startTime) / 1000,
    }));
  }
}

module.exports = SummaryReporter;
