// `npm run lint`: ESLint with typescript-eslint over every workspace (then `turbo run typecheck`).
// Besides the recommended rules it holds the repo's own: services log with pino, never console;
// workspaces import each other's entry points, never another workspace's dist/.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/dist-ssr/**',
      '**/coverage/**',
      '**/.turbo/**',
      '.data/**',
      'infra/kafka/dist/**',
      'services/web/src/gql/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Unused names are noise for the next reader; a leading underscore marks a deliberate one.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // The safe-text rule rejects control characters, so its pattern names them on purpose.
      'no-control-regex': 'off',
      // type-graphql and TypeORM key their metadata by class, typed `Function` in their own APIs.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // `a() || b()` (try the first seat, else the next) is the seed's idiom.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // A handler a server's callback reads before start-up assigns it stays `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'no-restricted-imports': ['error', {
        patterns: [{
          regex: '^(\\.\\./)+(services|packages)/[^/]+/dist/|^@kinerja/[^/]+/dist/',
          message: "Import the workspace's entry point (@kinerja/<name> or one of its exports), not its dist/.",
        }],
      }],
    },
  },
  {
    // Tests and benchmarks read untyped JSON answers of the graph; an ambient .d.ts types a library that ships none.
    files: ['**/test/**', 'bench/**', '**/bench/**', '**/*.d.ts', 'packages/testing/src/**', 'packages/security-tests/src/**',
      // Manifests (YAML) and stored policy documents of an older shape are read as they come.
      'packages/deployment/src/**', '**/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // CommonJS configs (jest.config.js and the like).
    files: ['**/*.cjs', '**/jest*.config.js', 'jest.base.js', '**/bin/*.js', 'scripts/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Services and packages log through pino (the kit's logger); command-line tools and scripts print.
    files: ['services/*/src/**/*.ts', 'packages/subgraph-kit/src/**/*.ts'],
    ignores: ['**/*-cli.ts', '**/cli.ts', 'services/web/**'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['services/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['services/web/public/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
