import { MAX_FILE_BYTES } from '../../../core/documents/service.js';
import { DomainError } from '../../../core/errors.js';
import { downloadTelegramFile } from '../../shared/download.js';
import type { PatientContext } from '../context.js';
import { replyClosed } from './closed.js';
import type { ChatModeStore } from './mode.js';

/**
 * One message of a patient in chat mode: text or a photo goes to the doctor, anything else is politely refused. The
 * photo is downloaded through the patient bot and uploaded again by the staff bot: a file_id is valid for its own bot only.
 */
export async function relayFromPatient(ctx: PatientContext, mode: ChatModeStore, consultationId: number): Promise<void> {
  const msg = ctx.message!;
  const accountId = ctx.from!.id;
  const access = ctx.deps.dutyChat.access(accountId, consultationId);
  if (!access.open) {
    mode.leave(ctx.chat!.id);
    return replyClosed(ctx, access.reason);
  }
  const photo = msg.photo?.at(-1);
  if (msg.text === undefined && !photo) {
    await ctx.reply(ctx.t('dchat-only-text-photo'));
    return;
  }
  try {
    let bytes: Buffer | undefined;
    if (photo) {
      if ((photo.file_size ?? 0) > MAX_FILE_BYTES) throw new DomainError('file_too_big');
      ctx.chatAction = 'upload_photo';
      const { apiRoot, token } = ctx.deps;
      bytes = await downloadTelegramFile(ctx.api, { apiRoot, token, maxBytes: MAX_FILE_BYTES }, photo.file_id);
    }
    await ctx.deps.dutyChat.fromPatient(accountId, consultationId, msg.message_id, { text: msg.text ?? msg.caption, photo: bytes });
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    if (err.code === 'chat_closed') {
      mode.leave(ctx.chat!.id);
      return replyClosed(ctx, String(err.details.reason));
    }
    ctx.deps.logger.info({ code: err.code, consultationId }, 'duty chat photo refused');
    await ctx.reply(ctx.t('dchat-photo-error', { code: err.code }));
    return;
  } finally {
    ctx.chatAction = null;
  }
  await ctx.reply(ctx.t('dchat-sent'));
}
