import { Hono } from 'hono';
import { webhookCallback, type Bot, type Context } from 'grammy';
import type { Db } from '../db/client.js';
import type { Logger } from '../core/logger.js';
import { createMiniAppStatic, type MiniAppStaticOptions } from './miniapp-static.js';
import { expectedError } from './miniapp/errors.js';
import { createMiniApi, type MiniApiDeps } from './miniapp/index.js';
import { createVerifyRoutes, type VerifyRoutesDeps } from './verify.js';

export interface ServerDeps {
  db: Db;
  logger: Logger;
  /** Bots served by webhook, by path segment: POST /webhook/<name>. Absent in polling mode. */
  webhooks?: { bots: Record<string, Bot<Context>>; secretToken: string };
  /** The public check of a conclusion's verification code (GET /verify/<code>), the address printed in every PDF. */
  verify?: VerifyRoutesDeps;
  /** The built Mini App under /app/ (where it is, the patient bot's username for its links). */
  miniapp?: MiniAppStaticOptions;
  /** The Mini App's HTTP API under /api: init data checked on every route before anything is read. */
  api?: MiniApiDeps;
}

function jsonError(code: string, message: string) {
  return { error: { code, message } };
}

export function createServer(deps: ServerDeps) {
  const app = new Hono();

  app.get('/healthz', (c) => {
    const ok = deps.db.$client.prepare('select 1 as ok').get() as { ok: number } | undefined;
    return c.json({ status: ok?.ok === 1 ? 'ok' : 'degraded' });
  });

  if (deps.verify) app.route('/', createVerifyRoutes(deps.verify));
  if (deps.api) app.route('/api', createMiniApi(deps.api));
  app.route('/', createMiniAppStatic(deps.miniapp));

  if (deps.webhooks) {
    const { bots, secretToken } = deps.webhooks;
    for (const [name, bot] of Object.entries(bots)) {
      // grammY checks X-Telegram-Bot-Api-Secret-Token and answers 401 to anything else.
      app.post(`/webhook/${name}`, webhookCallback(bot, 'hono', { secretToken }));
    }
  }

  app.notFound((c) => c.json(jsonError('not_found', 'Not found'), 404));
  // The one error boundary: expected failures (ApiError, DomainError, HTTPException) as {error:{code,message}}, never a stack.
  app.onError((err, c) => {
    const expected = expectedError(err);
    if (expected) return c.json(jsonError(expected.code, expected.message), expected.status);
    deps.logger.error({ err, path: c.req.path }, 'request failed');
    return c.json(jsonError('internal', 'Internal error'), 500);
  });

  return app;
}
