import { Hono } from 'hono';
import type { ConclusionDownloads } from '../core/conclusions/download.js';
import { ApiError, notFound } from './miniapp/errors.js';
import { pdfAnswer } from './miniapp/routes/files.js';

/**
 * GET /api/files/<token>: a conclusion's PDF at the signed address POST /api/conclusions/:id/link gave, for
 * Telegram's downloadFile, which fetches the URL itself and sends no init data. The token is the only credential
 * (core/conclusions/download-link.ts); the account's right to the conclusion is checked again on every fetch.
 */
export function createFileLinkRoutes({ conclusionDownloads }: { conclusionDownloads: Pick<ConclusionDownloads, 'byLink'> }) {
  return new Hono().get('/:token', async (c) => {
    const result = await conclusionDownloads.byLink(c.req.param('token'));
    if (result.ok) return pdfAnswer(c, result.found);
    if (result.reason === 'link_expired') throw new ApiError(410, 'link_expired', 'This download link has expired');
    if (result.reason === 'link_invalid') throw new ApiError(403, 'link_invalid', 'This download link is not valid');
    throw notFound('Conclusion not found');
  });
}
