import { autoChatAction } from '@grammyjs/auto-chat-action';
import { autoRetry } from '@grammyjs/auto-retry';
import { conversations } from '@grammyjs/conversations';
import { sequentialize } from '@grammyjs/runner';
import { Bot, session, type ApiClientOptions, type Middleware } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { tolerateHarmlessErrors } from '../shared/api-tolerance.js';
import { conversationRetry } from '../shared/conversation-retry.js';
import { createErrorHandler } from '../shared/error-boundary.js';
import { createI18n } from '../shared/i18n.js';
import { createStateStorage } from '../shared/state-storage.js';
import type { ConvoContext, PatientContext, SessionData } from './context.js';
import type { PatientBotDeps } from './deps.js';
import type { Convo } from './registration/steps.js';

const chatKey = (ctx: { chat?: { id: number } }) => ctx.chat?.id.toString();

/**
 * The patient bot without its features: API plugins, per-chat ordering, session and conversation state in
 * SQLite, i18n, and the error boundary that features are registered under. Benchmarks build on it too.
 */
export function createPatientBotStack(
  deps: PatientBotDeps,
  opts: { botInfo?: UserFromGetMe; client?: Omit<ApiClientOptions, 'apiRoot'> } = {},
) {
  const bot = new Bot<PatientContext>(deps.token, {
    client: { ...opts.client, apiRoot: deps.apiRoot },
    ...(opts.botInfo ? { botInfo: opts.botInfo } : {}),
  });
  const retry = { maxRetryAttempts: 3, maxDelaySeconds: 60 };
  const tolerate = tolerateHarmlessErrors((method, description) => deps.logger.debug({ method, description }, 'ignored'));
  bot.api.config.use(autoRetry(retry), tolerate);
  // Conversations call the Bot API through an Api of their own that inherits no transformers: install them again,
  // with a retry that does not wait out again, on every replay of the conversation, a failure already waited out.
  const conversationApi =
    (conversation: Convo): Middleware<ConvoContext> =>
    (ctx, next) => {
      ctx.api.config.use(conversationRetry(() => conversation.now(), retry), tolerate);
      return next();
    };

  const i18n = createI18n<PatientContext>((ctx) => {
    if (!ctx.from) return undefined;
    // Conversations run on their own context objects, which carry no session.
    const session = Object.hasOwn(ctx, 'session') ? (ctx.session as SessionData | undefined) : undefined;
    return deps.accounts.locale(ctx.from.id) ?? session?.locale;
  });

  // The patient bot talks to people one to one; groups and channels are not part of the service. (Not bot.drop:
  // without middleware of its own it passes every update on, whichever way its predicate answers.)
  bot.use((ctx, next) => (ctx.chat?.type === 'private' && ctx.from ? next() : undefined));
  bot.use((ctx, next) => {
    ctx.deps = deps;
    return next();
  });
  // Updates of one chat run one after another, or concurrent updates lose session and conversation writes.
  bot.use(sequentialize(chatKey));
  bot.use(session({ initial: (): SessionData => ({}), getSessionKey: chatKey, storage: createStateStorage<SessionData>(deps.db, 'session:') }));
  bot.use(autoChatAction());
  bot.use(i18n);
  bot.use(
    conversations<PatientContext, ConvoContext>({
      storage: { type: 'key', adapter: createStateStorage(deps.db, 'conv:'), getStorageKey: chatKey },
      plugins: (conversation) => [conversationApi(conversation), i18n as unknown as Middleware<ConvoContext>],
    }),
  );

  const guarded = bot.errorBoundary(createErrorHandler<PatientContext>(deps.logger));
  bot.catch(createErrorHandler<PatientContext>(deps.logger));
  return { bot, i18n, guarded };
}
