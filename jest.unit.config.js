// `npm run test:unit`: the pure tests only (domain rules, parsers, schemas, config), which need no
// PostgreSQL, no Kafka and no running service. A pure test lives in test/domain/ or test/unit/, or
// is named *.unit.test.ts, or is one of the pure package tests listed below.
const { readdirSync, existsSync } = require('node:fs');
const path = require('node:path');

const PURE_PACKAGE_TESTS = [
  'packages/demo-regency/test/regency.test.ts',
  'packages/deployment/test/dockerfiles.test.ts',
  'packages/events/test/cli-units.test.ts',
  'packages/events/test/readme-examples.test.ts',
  'packages/events/test/schemas.test.ts',
  'packages/subgraph-kit/test/kit.test.ts',
  'packages/supergraph/test/supergraph.test.ts',
  'services/gateway/test/auth.test.ts',
];

const workspaces = ['packages', 'services']
  .flatMap((group) => readdirSync(path.join(__dirname, group)).map((name) => path.join(group, name)))
  .concat('bench')
  .filter((dir) => existsSync(path.join(__dirname, dir, 'jest.config.js')));

/** @type {import('jest').Config} */
module.exports = {
  projects: workspaces.map((dir) => {
    const own = PURE_PACKAGE_TESTS.filter((f) => f.startsWith(`${dir}/`)).map((f) => `<rootDir>/${path.relative(dir, f)}`);
    const { maxWorkers: _w, forceExit: _f, reporters: _r, ...config } = require(`./${dir}/jest.config.js`);
    return {
      ...config,
      displayName: dir,
      rootDir: path.join(__dirname, dir),
      testMatch: ['<rootDir>/test/domain/**/*.test.ts', '<rootDir>/test/unit/**/*.test.ts', '<rootDir>/**/*.unit.test.ts', ...own],
    };
  }),
  maxWorkers: 2,
};
