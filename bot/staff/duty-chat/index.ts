import { Composer } from 'grammy';
import type { Message } from 'grammy/types';
import { MAX_FILE_BYTES } from '../../../core/documents/service.js';
import { DomainError } from '../../../core/errors.js';
import { downloadTelegramFile } from '../../shared/download.js';
import { shownText } from '../../shared/html.js';
import type { Translate } from '../../shared/outbox-sender.js';
import type { StaffContext } from '../context.js';
import { relayText } from './notifications.js';
import { nameArgs } from '../../../core/patients/declension.js';

const isCommand = (text: string | undefined) => text?.startsWith('/') === true;

function refusal(ctx: StaffContext, err: DomainError): string {
  switch (err.code) {
    case 'chat_reply_unknown':
      return ctx.t('dchat-staff-reply-unknown');
    case 'chat_not_yours':
      return ctx.t('dchat-staff-not-yours', { id: String(err.details.id ?? '') });
    case 'chat_closed':
      return ctx.t('dchat-staff-closed', { reason: String(err.details.reason) });
    default:
      return ctx.t('dchat-staff-photo-error', { code: err.code });
  }
}

/** The doctor's answer (text or a photo) to a message of a duty chat goes to that consultation's patient. */
async function relayFromDoctor(ctx: StaffContext, replyTo: number): Promise<void> {
  const msg = ctx.message!;
  const photo = msg.photo?.at(-1);
  if (msg.text === undefined && !photo) {
    await ctx.reply(ctx.t('dchat-staff-only-text-photo'));
    return;
  }
  let relayed;
  try {
    let bytes: Buffer | undefined;
    if (photo) {
      if ((photo.file_size ?? 0) > MAX_FILE_BYTES) throw new DomainError('file_too_big');
      const { apiRoot, staffToken } = ctx.deps;
      // Downloaded through the staff bot and uploaded again by the patient bot: a file_id belongs to one bot.
      bytes = await downloadTelegramFile(ctx.api, { apiRoot, token: staffToken, maxBytes: MAX_FILE_BYTES }, photo.file_id);
    }
    relayed = await ctx.deps.dutyChat.fromDoctor(ctx.staff!.id, ctx.chat!.id, replyTo, msg.message_id, { text: msg.text ?? msg.caption, photo: bytes });
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    await ctx.reply(refusal(ctx, err), { reply_parameters: { message_id: msg.message_id, allow_sending_without_reply: true } });
    return;
  }
  // Zero: Telegram delivered the same update again; it was passed on the first time.
  if (relayed.stored > 0) await ctx.reply(ctx.t('dchat-staff-sent', nameArgs('patient', relayed.chat.patientName)));
}

/**
 * The relay this bot message is a first copy of, when that relay was sent again after an interrupted attempt (its
 * first copy's id was never learnt): recognised by being this bot's message with exactly the relay's text. Returns the
 * resent copy's message id, which the chat knows.
 */
async function firstCopyOf(ctx: StaffContext, target: Message): Promise<number | undefined> {
  const shown = target.text ?? target.caption;
  if (target.from?.id !== ctx.me.id || !shown || !ctx.staff) return undefined;
  const candidates = ctx.deps.dutyChat.resentToDoctor(ctx.chat!.id);
  if (candidates.length === 0) return undefined;
  const locale = await ctx.i18n.getLocale();
  const tz = ctx.staff.timeZone;
  const t: Translate = ctx.t.bind(ctx);
  return candidates.find((c) => shownText(relayText(c, tz, t, locale)) === shown)?.staffMessageId;
}

/**
 * Registered before the staff flows: a reply to a message of a duty chat is an answer to the patient even while a flow
 * waits for typed text. Commands go on as usual.
 */
export function dutyChatReplies() {
  const feature = new Composer<StaffContext>();
  feature.on('message', async (ctx, next) => {
    const target = ctx.message.reply_to_message;
    if (!target || isCommand(ctx.message.text)) return next();
    const replyTo = ctx.deps.dutyChat.isChatMessage(ctx.chat.id, target.message_id) ? target.message_id : await firstCopyOf(ctx, target);
    if (replyTo === undefined) return next();
    await relayFromDoctor(ctx, replyTo);
  });
  return feature;
}

/** Registered just before "unhandled": a reply that nothing took was most likely meant for a patient; say where it went. */
export function dutyChatStrayReplies() {
  const feature = new Composer<StaffContext>();
  feature.on('message', async (ctx, next) => {
    if (!ctx.message.reply_to_message || isCommand(ctx.message.text)) return next();
    await ctx.reply(ctx.t('dchat-staff-reply-unknown'));
  });
  return feature;
}
