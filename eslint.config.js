import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

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
    files: ['core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['grammy', '@grammyjs/*', 'hono', 'hono/*', '../bot/*', '../api/*'] }],
    },
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
