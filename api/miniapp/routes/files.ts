import { Hono, type Context } from 'hono';
import { documentKinds } from '../../../core/catalog/index.js';
import { profileFor } from '../auth.js';
import { patientQuery, type ConclusionLinkResponse, type DocumentsResponse } from '../contract.js';
import type { MiniApiDeps, MiniEnv } from '../env.js';
import { notFound } from '../errors.js';
import { idParam, parseQuery } from '../validate.js';

const PRIVATE_FILE = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };

/** The profile's documents (list, thumbnails) and the PDFs of its conclusions. */
export function fileRoutes({ services }: MiniApiDeps) {
  const { documents, conclusionDownloads } = services;
  const kinds = documentKinds(services.catalog);
  const labels = { ru: new Map(kinds.map((k) => [k.kind, k.ru])), en: new Map(kinds.map((k) => [k.kind, k.en])) };

  return new Hono<MiniEnv>()
    .get('/documents', (c) => {
      const { patientId } = parseQuery(c, patientQuery);
      const profile = profileFor(c.get('profiles'), patientId);
      const label = labels[c.get('locale')];
      const body: DocumentsResponse = {
        documents: documents.list(profile.id).map((d) => ({
          id: d.id,
          kind: d.kind,
          kindLabel: label.get(d.kind) ?? d.kind,
          mime: d.mime,
          pageCount: d.pageCount,
          createdAt: new Date(d.createdAt).toISOString(),
          // Every stored image has a thumbnail; PDFs have none.
          ...(d.mime.startsWith('image/') ? { thumbnailUrl: `/api/documents/${d.id}/thumbnail?patientId=${profile.id}` } : {}),
        })),
      };
      return c.json(body);
    })
    .get('/documents/:id/thumbnail', async (c) => {
      const id = idParam(c);
      const { patientId } = parseQuery(c, patientQuery);
      const profile = profileFor(c.get('profiles'), patientId);
      // Scoped by the profile in the query itself: another patient's document id is simply not there.
      const document = documents.get(profile.id, id);
      const bytes = document ? await documents.readThumbnail(document) : undefined;
      if (!bytes) throw notFound('Document not found');
      return c.body(new Uint8Array(bytes), 200, { ...PRIVATE_FILE, 'Content-Type': 'image/jpeg' });
    })
    .get('/conclusions/:id/pdf', async (c) => {
      const id = idParam(c);
      const accountId = c.get('accountId');
      const { patientId } = parseQuery(c, patientQuery);
      const named = patientId === undefined ? undefined : profileFor(c.get('profiles'), patientId);
      const found = await conclusionDownloads.pdf(accountId, id, named?.id);
      if (!found) throw notFound('Conclusion not found');
      return pdfAnswer(c, found);
    })
    .post('/conclusions/:id/link', async (c) => {
      const id = idParam(c);
      const { patientId } = parseQuery(c, patientQuery);
      const named = patientId === undefined ? undefined : profileFor(c.get('profiles'), patientId);
      const issued = conclusionDownloads.link(c.get('accountId'), id, named?.id);
      if (!issued) throw notFound('Conclusion not found');
      const body: ConclusionLinkResponse = {
        url: `/api/files/${issued.token}`,
        fileName: conclusionFileName(issued.verificationCode),
        expiresAt: new Date(issued.expiresAt).toISOString(),
      };
      return c.json(body);
    });
}

/** The name a saved conclusion gets: the code is printed on the PDF, so the file and the paper match. */
export const conclusionFileName = (verificationCode: string) => `conclusion-${verificationCode.replace(/[^A-Za-z0-9-]/g, '')}.pdf`;

export function pdfAnswer(c: Context, found: { pdf: Buffer; verificationCode: string }) {
  return c.body(new Uint8Array(found.pdf), 200, {
    ...PRIVATE_FILE,
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="${conclusionFileName(found.verificationCode)}"`,
  });
}
