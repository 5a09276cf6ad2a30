import type { Update } from 'grammy/types';
import { BotApiError, Described, badRequest, boolParam, intParam, jsonParam, stringParam } from './state.js';
import type { FakeState, MethodContext, MethodHandler } from './state.js';

// How updates reach a bot: a webhook, or getUpdates (long polling) with offset, limit and timeout.

function dropPending(ctx: MethodContext): void {
  if (boolParam(ctx.params, 'drop_pending_updates')) ctx.state.pendingUpdates.delete(ctx.token);
}

function setWebhook(ctx: MethodContext): Described {
  const url = stringParam(ctx.params, 'url');
  if (!url) return deleteWebhook(ctx);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest('bad webhook: Failed to resolve host: Name or service not known');
  }
  if (parsed.protocol !== 'https:') throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
  if (!['', '80', '88', '443', '8443'].includes(parsed.port)) {
    throw badRequest('bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443');
  }
  const secretToken = stringParam(ctx.params, 'secret_token');
  if (secretToken.length > 256) throw badRequest('secret token is too long');
  if (!/^[A-Za-z0-9_-]*$/.test(secretToken)) throw badRequest('secret token contains unallowed characters');
  const maxConnections = intParam(ctx.params, 'max_connections') || 40;
  const allowed = jsonParam(ctx.params, 'allowed_updates', "can't parse allowed updates JSON object") as string[] | undefined;
  const next = { url, maxConnections: Math.min(Math.max(maxConnections, 1), 100), ...(secretToken ? { secretToken } : {}), ...(allowed ? { allowedUpdates: allowed } : {}) };
  const current = ctx.state.webhooks.get(ctx.token);
  dropPending(ctx);
  if (current && JSON.stringify(current) === JSON.stringify(next)) return new Described(true, 'Webhook is already set');
  ctx.state.webhooks.set(ctx.token, next);
  return new Described(true, 'Webhook was set');
}

function deleteWebhook(ctx: MethodContext): Described {
  dropPending(ctx);
  const existed = ctx.state.webhooks.delete(ctx.token);
  return new Described(true, existed ? 'Webhook was deleted' : 'Webhook is already deleted');
}

function getWebhookInfo(ctx: MethodContext) {
  const hook = ctx.state.webhooks.get(ctx.token);
  const pending = ctx.state.pendingUpdates.get(ctx.token)?.length ?? 0;
  if (!hook) return { url: '', has_custom_certificate: false, pending_update_count: pending };
  return {
    url: hook.url,
    has_custom_certificate: false,
    pending_update_count: pending,
    max_connections: hook.maxConnections,
    ...(hook.allowedUpdates ? { allowed_updates: hook.allowedUpdates } : {}),
  };
}

async function getUpdates(ctx: MethodContext): Promise<Update[]> {
  if (ctx.state.webhooks.has(ctx.token)) {
    throw new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
  }
  const queue = ctx.state.pendingUpdates.get(ctx.token) ?? [];
  const offset = intParam(ctx.params, 'offset');
  // A positive offset confirms every earlier update; a negative one reads from the end of the queue.
  const remaining = offset > 0 ? queue.filter((u) => u.update_id >= offset) : queue;
  ctx.state.pendingUpdates.set(ctx.token, remaining);
  const limit = Math.min(Math.max(intParam(ctx.params, 'limit') || 100, 1), 100);
  const timeoutMs = Math.max(0, intParam(ctx.params, 'timeout')) * 1000;
  if (remaining.length === 0 && timeoutMs > 0) await waitForUpdate(ctx.state, ctx.token, Math.min(timeoutMs, ctx.state.maxPollWaitMs));
  const available = ctx.state.pendingUpdates.get(ctx.token) ?? [];
  return offset < 0 ? available.slice(offset).slice(0, limit) : available.slice(0, limit);
}

/** Resolves when an update is queued for this bot or after `ms`, whichever comes first. */
function waitForUpdate(state: FakeState, token: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const waiters = state.updateWaiters.get(token) ?? new Set<() => void>();
    state.updateWaiters.set(token, waiters);
    const done = () => {
      clearTimeout(timer);
      waiters.delete(done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    waiters.add(done);
  });
}

export const updateMethods: Record<string, MethodHandler> = {
  setwebhook: setWebhook,
  deletewebhook: deleteWebhook,
  getwebhookinfo: getWebhookInfo,
  getupdates: getUpdates,
};
