import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// What lies above core/ and bot/: the HTTP surface, the composition root, the CLI, the sandbox, the Mini App.
const SURFACES = ['**/api', '**/api/**', '**/app', '**/app/**', '**/cli', '**/cli/**', '**/sandbox', '**/sandbox/**', '**/miniapp', '**/miniapp/**'];

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'db/migrations/', 'miniapp/dist/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through core/config.ts only.',
        },
      ],
    },
  },
  {
    files: ['core/config.ts', 'tests/**', 'drizzle.config.ts', 'miniapp/build.ts', 'scripts/test-clocks.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The floors, at any depth (the full graph, circles included, is checked by `npm run deps`).
    files: ['core/**', 'db/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['grammy', 'grammy/*', '@grammyjs/*', 'hono', 'hono/*', '@hono/*'], message: 'core/ and db/ know no framework: grammY and hono stay in bot/ and api/.' },
            { group: [...SURFACES, '**/bot', '**/bot/**'], message: 'core/ and db/ import nothing above them (bot/, api/, app/, cli/, sandbox/, miniapp/).' },
          ],
        },
      ],
    },
  },
  {
    files: ['bot/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [{ group: SURFACES, message: 'bot/ declares what it uses (bot/*/deps.ts); it never imports api/, app/, cli/, sandbox/ or miniapp/.' }],
          paths: [{ name: 'callback-data', message: 'Use bot/shared/callback-data.ts: its unpack and filter refuse stale or forged data.' }],
        },
      ],
    },
  },
  {
    files: ['bot/shared/callback-data.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    // The Mini App talks to the server over HTTP only: from api/ it may import types (the contract), never code.
    files: ['miniapp/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../../api/*', '../../../api/*', '../../../../api/*'], allowTypeImports: true, message: 'Import only types from the API contract.' },
            { group: ['**/core/*', '**/db/*', '**/bot/*'], message: 'The Mini App reaches the server over HTTP only.' },
          ],
        },
      ],
    },
  },
);
