import { autoChatAction } from '@grammyjs/auto-chat-action';
import { autoRetry } from '@grammyjs/auto-retry';
import { conversations, createConversation } from '@grammyjs/conversations';
import { sequentialize } from '@grammyjs/runner';
import { Bot, session, type Middleware } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { tolerateHarmlessErrors } from '../shared/api-tolerance.js';
import { registerCommands } from '../shared/commands.js';
import { createErrorHandler } from '../shared/error-boundary.js';
import { createI18n } from '../shared/i18n.js';
import { createStateStorage } from '../shared/state-storage.js';
import type { ConvoContext, PatientContext, SessionData } from './context.js';
import { deleteMeFeature } from './delete-me/index.js';
import type { PatientBotDeps } from './deps.js';
import { documentsFeature } from './documents/index.js';
import { flowGuard } from './flow-guard.js';
import { helpFeature } from './help/index.js';
import { languageFeature } from './language/index.js';
import { createEditProfile, EDIT_PROFILE } from './profile/edit-conversation.js';
import { profileFeature } from './profile/index.js';
import { createRegistration, REGISTRATION } from './registration/conversation.js';
import { startFeature } from './start/index.js';
import { unhandledFeature } from './unhandled/index.js';

export const PATIENT_COMMANDS = ['start', 'documents', 'profile', 'language', 'help', 'cancel', 'delete_me'] as const;

const chatKey = (ctx: { chat?: { id: number } }) => ctx.chat?.id.toString();

export function createPatientBot(deps: PatientBotDeps, opts: { botInfo?: UserFromGetMe } = {}) {
  const bot = new Bot<PatientContext>(deps.token, {
    client: { apiRoot: deps.apiRoot },
    ...(opts.botInfo ? { botInfo: opts.botInfo } : {}),
  });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
  bot.api.config.use(tolerateHarmlessErrors((method, description) => deps.logger.debug({ method, description }, 'ignored')));

  const i18n = createI18n<PatientContext>((ctx) => {
    if (!ctx.from) return undefined;
    // Conversations run on their own context objects, which carry no session.
    const session = Object.hasOwn(ctx, 'session') ? (ctx.session as SessionData | undefined) : undefined;
    return deps.accounts.locale(ctx.from.id) ?? session?.locale;
  });

  // The patient bot talks to people one to one; groups and channels are not part of the service.
  bot.drop((ctx) => ctx.chat?.type !== 'private' || !ctx.from);
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
      plugins: [i18n as unknown as Middleware<ConvoContext>],
    }),
  );

  const guarded = bot.errorBoundary(createErrorHandler<PatientContext>(deps.logger));
  guarded.use(flowGuard());
  guarded.use(createConversation(createRegistration(deps), REGISTRATION));
  guarded.use(createConversation(createEditProfile(deps), EDIT_PROFILE));
  guarded.use(startFeature());
  guarded.use(languageFeature());
  guarded.use(helpFeature());
  guarded.use(deleteMeFeature());
  guarded.use(profileFeature());
  guarded.use(documentsFeature());
  guarded.use(unhandledFeature());

  bot.catch(createErrorHandler<PatientContext>(deps.logger));

  return { bot, i18n, registerCommands: () => registerCommands(bot.api, i18n, PATIENT_COMMANDS) };
}

export type PatientBot = ReturnType<typeof createPatientBot>;
