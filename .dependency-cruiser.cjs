/**
 * The import graph's rules, checked by `npm run deps` (part of `npm test`). Floors, bottom up:
 * db/ ← core/ ← bot/, api/ ← app/ (the composition root), cli/; sandbox/ starts the service as app/ does.
 * Type-only imports count like any other: a type that runs up a floor or round a circle is the same coupling.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circle (types included) means two modules that cannot be understood or changed one at a time.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'db-knows-nothing-above',
      severity: 'error',
      comment: 'db/ is the schema and the client; everything else is built on it.',
      from: { path: '^db/' },
      to: { path: '^(core|bot|api|app|cli|sandbox|miniapp)/' },
    },
    {
      name: 'core-knows-no-surface',
      severity: 'error',
      comment: "core/ is the service's rules: no bot, HTTP, CLI, sandbox or composition root, so every surface can share them.",
      from: { path: '^core/' },
      to: { path: '^(bot|api|app|cli|sandbox|miniapp)/' },
    },
    {
      name: 'core-knows-no-framework',
      severity: 'error',
      comment: 'Domain code throws coded errors and returns plain values; grammY and hono stay in the surfaces.',
      from: { path: '^(core|db)/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-peer', 'npm-optional'], path: '(^|/)node_modules/(grammy|@grammyjs/[^/]+|hono|@hono/[^/]+)/' },
    },
    {
      name: 'bot-declares-its-deps',
      severity: 'error',
      comment: 'Each bot lists what it uses (bot/*/deps.ts); the composition root satisfies it, the bot never reaches up to it.',
      from: { path: '^bot/' },
      to: { path: '^(api|app|cli|sandbox|miniapp)/' },
    },
    {
      name: 'bots-apart',
      severity: 'error',
      comment: 'The two bots share code through bot/shared/ only.',
      from: { path: '^bot/(patient|staff)/' },
      to: { path: '^bot/(patient|staff)/', pathNot: '^bot/$1/' },
    },
    {
      name: 'api-declares-its-deps',
      severity: 'error',
      comment: 'The HTTP surface takes what it uses as parameters (api/miniapp/env.ts) and knows no bot.',
      from: { path: '^api/' },
      to: { path: '^(bot|app|cli|sandbox|miniapp)/' },
    },
    {
      name: 'nobody-imports-the-entry-points',
      severity: 'error',
      comment: 'app/main.ts and cli/ are run, never imported (tests run them as processes).',
      from: { path: '^(core|db|bot|api|app|sandbox|miniapp)/' },
      to: { path: '^(app/main\\.ts|cli/)' },
    },
    {
      name: 'sandbox-is-started-not-known',
      severity: 'error',
      comment: 'Only the entry points (app/main.ts, cli/main.ts) start the sandbox; the service never knows it is emulated.',
      from: { path: '^(core|db|bot|api|cli)/|^app/', pathNot: '^(app|cli)/main\\.ts$' },
      to: { path: '^sandbox/' },
    },
    {
      name: 'miniapp-over-http-only',
      severity: 'error',
      comment: "The Mini App reaches the server over HTTP; from api/ it takes the contract's types only.",
      from: { path: '^miniapp/src/' },
      to: { path: '^(core|db|bot|app|cli|sandbox|api)/', pathNot: '^api/miniapp/contract\\.ts$' },
    },
  ],
  options: {
    includeOnly: '^(core|db|bot|api|app|cli|sandbox|miniapp|tests)/',
    exclude: { path: '^(miniapp/dist|db/migrations)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
    skipAnalysisNotInRules: false,
  },
};
