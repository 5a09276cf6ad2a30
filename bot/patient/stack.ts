import type { ApiClientOptions } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { createBotStack } from '../shared/stack.js';
import type { PatientContext, SessionData } from './context.js';
import type { PatientBotDeps } from './deps.js';

/** The patient bot without its features (see createBotStack); benchmarks build on it too. */
export function createPatientBotStack(
  deps: PatientBotDeps,
  opts: { botInfo?: UserFromGetMe; client?: Omit<ApiClientOptions, 'apiRoot'> } = {},
) {
  return createBotStack<SessionData, PatientBotDeps, PatientContext>({
    token: deps.token,
    apiRoot: deps.apiRoot,
    db: deps.db,
    logger: deps.logger,
    deps,
    statePrefix: '',
    storedLocale: (ctx) => {
      if (!ctx.from) return undefined;
      // Conversations run on their own context objects, which carry no session.
      const session = Object.hasOwn(ctx, 'session') ? (ctx.session as SessionData | undefined) : undefined;
      return deps.accounts.locale(ctx.from.id) ?? session?.locale;
    },
    ...(opts.botInfo ? { botInfo: opts.botInfo } : {}),
    ...(opts.client ? { client: opts.client } : {}),
  });
}
