import { autoChatAction, type AutoChatActionFlavor } from '@grammyjs/auto-chat-action';
import { autoRetry } from '@grammyjs/auto-retry';
import { conversations, type Conversation, type ConversationFlavor } from '@grammyjs/conversations';
import { sequentialize } from '@grammyjs/runner';
import { Bot, session, type ApiClientOptions, type Context, type Middleware, type SessionFlavor } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import type { Db } from '../../db/client.js';
import type { Logger } from '../../core/logger.js';
import { tolerateHarmlessErrors } from './api-tolerance.js';
import { createCallbackGuard } from './callback-guard.js';
import { conversationRetry } from './conversation-retry.js';
import { createErrorHandler } from './error-boundary.js';
import { htmlByDefault } from './html.js';
import { createI18n, htmlI18n, type HtmlI18nFlavor } from './i18n.js';
import { createStateStorage } from './state-storage.js';

/** The context every bot of the service works with, before its own additions. */
export type StackContext<S extends object, D> = ConversationFlavor<
  Context & SessionFlavor<S> & HtmlI18nFlavor & AutoChatActionFlavor & { deps: D }
>;
/** Inside conversations there is no session and no deps on ctx: deps are closed over, i18n is a plugin. */
export type StackConvoContext = Context & HtmlI18nFlavor;

const chatKey = (ctx: { chat?: { id: number } }) => ctx.chat?.id.toString();

/** Where a bot reports every update it receives (api/metrics.ts, for /metrics). */
export interface UpdateCounter {
  countUpdate(botId: number, update: Update): void;
}

// The service graph both bots are built from carries one as `metrics`; bots built without it count nothing.
function updateCounterOf(deps: unknown): UpdateCounter | undefined {
  const metrics = (deps as { metrics?: Partial<UpdateCounter> } | null | undefined)?.metrics;
  return typeof metrics?.countUpdate === 'function' ? (metrics as UpdateCounter) : undefined;
}

export interface StackOptions<C extends Context, D> {
  token: string;
  apiRoot: string;
  db: Db;
  logger: Logger;
  deps: D;
  /** Keys of this bot's session and conversation rows; bots sharing a database need different prefixes. */
  statePrefix: string;
  /** The language stored for this person, if any (conversations have no session, so not from there). */
  storedLocale(ctx: C): string | undefined;
  botInfo?: UserFromGetMe;
  client?: Omit<ApiClientOptions, 'apiRoot'>;
  /** Counts updates for /metrics; by default the `metrics` of deps, when it has one. */
  updates?: UpdateCounter;
}

/**
 * A bot without its features: API plugins, private chats only, per-chat ordering, session and conversation state
 * in SQLite, i18n, and the error boundary that features are registered under.
 */
export function createBotStack<S extends object, D, C extends StackContext<S, D> = StackContext<S, D>>(opts: StackOptions<C, D>) {
  const bot = new Bot<C>(opts.token, {
    client: { ...opts.client, apiRoot: opts.apiRoot },
    ...(opts.botInfo ? { botInfo: opts.botInfo } : {}),
  });
  const retry = { maxRetryAttempts: 3, maxDelaySeconds: 60 };
  const tolerate = tolerateHarmlessErrors((method, description) => opts.logger.debug({ method, description }, 'ignored'));
  const callbacks = createCallbackGuard(opts.logger);
  bot.api.config.use(htmlByDefault, autoRetry(retry), tolerate, callbacks.track);
  // Conversations call the Bot API through an Api of their own that inherits no transformers: install them again,
  // with a retry that does not wait out again, on every replay of the conversation, a failure already waited out.
  const conversationApi =
    (conversation: Conversation<C, StackConvoContext>): Middleware<StackConvoContext> =>
    (ctx, next) => {
      ctx.api.config.use(htmlByDefault, conversationRetry(() => conversation.now(), retry), tolerate, callbacks.track);
      return next();
    };

  const i18n = createI18n<C>(opts.storedLocale);

  // First of all, so the updates dropped just below (groups, channels) are counted too.
  const counter = opts.updates ?? updateCounterOf(opts.deps);
  if (counter) {
    bot.use((ctx, next) => {
      counter.countUpdate(ctx.me.id, ctx.update);
      return next();
    });
  }

  // Before the private-chat filter: presses it drops are answered too.
  bot.use(callbacks.middleware);
  // One-to-one chats only: groups and channels are not part of the service. (Not bot.drop: without middleware of
  // its own it passes every update on, whichever way its predicate answers.)
  bot.use((ctx, next) => (ctx.chat?.type === 'private' && ctx.from ? next() : undefined));
  bot.use((ctx, next) => {
    ctx.deps = opts.deps;
    return next();
  });
  // Updates of one chat run one after another, or concurrent updates lose session and conversation writes.
  bot.use(sequentialize(chatKey));
  bot.use(
    session({
      initial: () => ({}) as S,
      getSessionKey: chatKey,
      storage: createStateStorage<S>(opts.db, `${opts.statePrefix}session:`),
    }),
  );
  bot.use(autoChatAction());
  bot.use(i18n);
  bot.use(htmlI18n);
  bot.use(
    conversations<C, StackConvoContext>({
      storage: { type: 'key', adapter: createStateStorage(opts.db, `${opts.statePrefix}conv:`), getStorageKey: chatKey },
      plugins: (conversation) => [conversationApi(conversation), i18n as unknown as Middleware<StackConvoContext>, htmlI18n],
    }),
  );

  const guarded = bot.errorBoundary(createErrorHandler<C>(opts.logger));
  bot.catch(createErrorHandler<C>(opts.logger));
  return { bot, i18n, guarded };
}
