import { createConversation } from '@grammyjs/conversations';
import type { ApiClientOptions } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { registerCommands } from '../shared/commands.js';
import { reachability } from '../shared/outbox-reachable.js';
import { applicationsFeature } from './applications/index.js';
import { applyFeature } from './apply/index.js';
import { deleteMeFeature } from './delete-me/index.js';
import type { PatientBotDeps } from './deps.js';
import { documentsFeature } from './documents/index.js';
import { dutyChatExit, dutyChatFeature } from './duty-chat/index.js';
import { flowGuard } from './flow-guard.js';
import { helpFeature } from './help/index.js';
import { languageFeature } from './language/index.js';
import { createEditProfile, EDIT_PROFILE } from './profile/edit-conversation.js';
import { profileFeature } from './profile/index.js';
import { createReferralConversation, REFERRAL_CONVERSATION } from './referral/conversation.js';
import { referralFeature } from './referral/index.js';
import { createRegistration, REGISTRATION } from './registration/conversation.js';
import { createPatientBotStack } from './stack.js';
import { startFeature } from './start/index.js';
import { unhandledFeature } from './unhandled/index.js';

export const PATIENT_COMMANDS = ['start', 'apply', 'applications', 'documents', 'duty_doctor', 'profile', 'language', 'help', 'cancel', 'delete_me'] as const;

export function createPatientBot(
  deps: PatientBotDeps,
  opts: { botInfo?: UserFromGetMe; client?: Omit<ApiClientOptions, 'apiRoot'> } = {},
) {
  const { bot, i18n, guarded } = createPatientBotStack(deps, opts);
  // First: a person who had blocked the bot and writes again is reachable, whatever feature answers them.
  guarded.use(reachability(deps));
  // Order matters: the guard sees commands before a conversation can swallow them; "unhandled" comes last.
  // Before the guard: in the duty-doctor chat, /cancel leaves the chat and other commands leave it first.
  guarded.use(dutyChatExit(deps));
  guarded.use(flowGuard());
  guarded.use(createConversation(createRegistration(deps), REGISTRATION));
  guarded.use(createConversation(createEditProfile(deps), EDIT_PROFILE));
  // After the forms (an open one keeps its answers), before every feature that takes text or photos.
  guarded.use(dutyChatFeature(deps));
  guarded.use(createConversation(createReferralConversation(deps), REFERRAL_CONVERSATION));
  // Before start (it takes /start ref_<code>) and before apply and documents (it finishes the uploads it started).
  guarded.use(referralFeature());
  guarded.use(startFeature());
  guarded.use(languageFeature());
  guarded.use(helpFeature());
  guarded.use(deleteMeFeature());
  guarded.use(profileFeature());
  // Before documents: they finish the uploads they started (Done leads back to them) and take the typed diagnosis.
  guarded.use(applyFeature());
  guarded.use(applicationsFeature());
  guarded.use(documentsFeature());
  guarded.use(unhandledFeature());
  return { bot, i18n, registerCommands: () => registerCommands(bot.api, i18n, PATIENT_COMMANDS) };
}

export type PatientBot = ReturnType<typeof createPatientBot>;
