import type { ConversationFlavor } from '@grammyjs/conversations';
import type { AutoChatActionFlavor } from '@grammyjs/auto-chat-action';
import type { HtmlI18nFlavor } from '../shared/i18n.js';
import type { Context, SessionFlavor } from 'grammy';
import type { ApplyDraft } from './apply/draft.js';
import type { PatientBotDeps } from './deps.js';
import type { ReferralSession } from './referral/session.js';

/** A file that arrived before we knew which document kind (or profile) it belongs to. */
export interface PendingFile {
  fileId: string;
  fileUniqueId: string;
  fileSize?: number;
  fileName?: string;
  mediaGroupId?: string;
}

/** Where a person goes back to after pressing Done: the application form, or an application that asked for documents. */
export type UploadReturn = { to: 'apply' } | { to: 'application'; applicationId: number } | { to: 'referral'; referralId: number };

export interface UploadState {
  patientId: number;
  kind: string;
  saved: number;
  returnTo?: UploadReturn;
  /** One progress message per album, edited as its photos arrive, instead of one reply per photo. */
  album?: { mediaGroupId: string; messageId: number; saved: number };
}

export interface SessionData {
  /** Language chosen before consent; afterwards the account holds it. */
  locale?: string;
  upload?: UploadState;
  pendingFiles?: PendingFile[];
  /** An application being filled in: kept here, not in a conversation, so uploading a missing document loses nothing. */
  applyDraft?: ApplyDraft;
  /** Path 3: an invite opened before consent, or a referral being linked and completed. */
  referral?: ReferralSession;
}

export type BaseContext = Context & SessionFlavor<SessionData> & HtmlI18nFlavor & AutoChatActionFlavor & { deps: PatientBotDeps };
export type PatientContext = ConversationFlavor<BaseContext>;
/** Inside conversations there is no session and no deps on ctx: deps are closed over, i18n is a plugin. */
export type ConvoContext = Context & HtmlI18nFlavor;

/** grammY deletes the stored session when it is set to null; the type does not admit that, hence the cast. */
export function clearSession(ctx: BaseContext): void {
  ctx.session = null as unknown as SessionData;
}
