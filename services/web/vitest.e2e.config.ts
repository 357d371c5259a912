import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium against the real platform (test/e2e/platform.ts), one file at a time.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    // The subgraphs are CommonJS packages built to dist/: Node loads them, not Vite.
    server: { deps: { external: [/\/dist\//, /node_modules/] } },
  },
});
