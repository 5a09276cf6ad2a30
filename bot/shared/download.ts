import { GrammyError, type Api } from 'grammy';
import { DomainError } from '../../core/errors.js';

/**
 * Downloads a file a person sent, through getFile and the Bot API's file endpoint (TELEGRAM_API_ROOT honoured).
 * The Bot API serves at most 20 MB to a bot; larger files fail with a DomainError the person can act on.
 */
export async function downloadTelegramFile(
  api: Api,
  opts: { apiRoot: string; token: string; maxBytes: number; fetch?: typeof fetch },
  fileId: string,
): Promise<Buffer> {
  let filePath: string | undefined;
  try {
    filePath = (await api.getFile(fileId)).file_path;
  } catch (err) {
    if (err instanceof GrammyError && /too big/i.test(err.description)) throw new DomainError('file_too_big');
    // Any other refusal (a file_id too old or not this bot's): the person can only send the file again.
    if (err instanceof GrammyError && err.error_code === 400) throw new DomainError('download_failed');
    throw err;
  }
  if (!filePath) throw new DomainError('download_failed');
  const doFetch = opts.fetch ?? fetch;
  const response = await doFetch(`${opts.apiRoot}/file/bot${opts.token}/${filePath}`);
  if (!response.ok || !response.body) throw new DomainError('download_failed');
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > opts.maxBytes) throw new DomainError('file_too_big');
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.length;
    // Never trust the declared length alone: stop reading as soon as the limit is passed.
    if (total > opts.maxBytes) throw new DomainError('file_too_big');
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks, total);
}
