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
    files: ['core/config.ts', 'tests/**', 'drizzle.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['grammy', '@grammyjs/*', 'hono', 'hono/*', '../bot/*', '../api/*'] }],
    },
  },
);
