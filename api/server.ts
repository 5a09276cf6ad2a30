import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { webhookCallback, type Bot, type Context } from 'grammy';
import type { Db } from '../db/client.js';
import type { Logger } from '../core/logger.js';
import { createMiniAppStatic, type MiniAppStaticOptions } from './miniapp-static.js';
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
  app.route('/', createMiniAppStatic(deps.miniapp));

  if (deps.webhooks) {
    const { bots, secretToken } = deps.webhooks;
    for (const [name, bot] of Object.entries(bots)) {
      // grammY checks X-Telegram-Bot-Api-Secret-Token and answers 401 to anything else.
      app.post(`/webhook/${name}`, webhookCallback(bot, 'hono', { secretToken }));
    }
  }

  app.notFound((c) => c.json(jsonError('not_found', 'Not found'), 404));
  app.onError((err, c) => {
    if (err instanceof HTTPException) return c.json(jsonError('http_error', err.message), err.status);
    deps.logger.error({ err, path: c.req.path }, 'request failed');
    return c.json(jsonError('internal', 'Internal error'), 500);
  });

  return app;
}
