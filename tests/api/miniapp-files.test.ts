import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsultationsResponse, DocumentsResponse } from '../../api/miniapp/contract.js';
import { documentKinds } from '../../core/catalog/index.js';
import { applications } from '../../db/schema.js';
import { phoneJpeg, plainHandmadePdf } from '../support/document-fixtures.js';
import { concludedDutyConsultation, createApiHarness, type ApiHarness } from '../support/miniapp-api.js';
import { addPatient } from '../support/scheduling-fixtures.js';

let h: ApiHarness;
beforeEach(() => {
  h = createApiHarness();
});
afterEach(() => h.close());

const MARIA = 9001;
const ANNA = 9002;

async function upload(patientId: number, accountId: number, bytes: Buffer) {
  const kind = documentKinds(h.services.catalog)[0]!.kind;
  const { document } = await h.services.documents.ingest({ patientId, kind, bytes, actorAccountId: accountId });
  return document;
}

describe('Mini App API: documents', () => {
  it('lists the profile’s documents and serves a thumbnail’s bytes; another patient’s document is 404', async () => {
    const maria = addPatient(h.services, MARIA);
    const anna = addPatient(h.services, ANNA);
    const photo = await upload(maria, MARIA, await phoneJpeg({ width: 1200, height: 900 }));
    const pdf = await upload(maria, MARIA, plainHandmadePdf());
    const annas = await upload(anna, ANNA, await phoneJpeg({ width: 800, height: 600 }));

    const list = await h.get<DocumentsResponse>(MARIA, '/api/documents');
    expect(list.status).toBe(200);
    expect(list.body.documents.map((d) => d.id).sort()).toEqual([photo.id, pdf.id].sort());
    const shown = list.body.documents.find((d) => d.id === photo.id)!;
    expect(shown).toMatchObject({ mime: 'image/jpeg', pageCount: 1, thumbnailUrl: `/api/documents/${photo.id}/thumbnail?patientId=${maria}` });
    expect(shown.kindLabel).not.toBe('');
    expect(list.body.documents.find((d) => d.id === pdf.id)!.thumbnailUrl).toBeUndefined();

    const thumb = await h.get<Buffer>(MARIA, shown.thumbnailUrl!);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
    expect(thumb.headers.get('cache-control')).toBe('private, no-store');
    expect(thumb.body.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const stored = await h.services.documents.readThumbnail(h.services.documents.get(maria, photo.id)!);
    expect(Buffer.compare(thumb.body, stored!)).toBe(0);

    // Anna's document through Maria's profile, or naming Anna's profile: not found either way.
    expect((await h.get(MARIA, `/api/documents/${annas.id}/thumbnail`)).status).toBe(404);
    expect((await h.get(MARIA, `/api/documents/${annas.id}/thumbnail?patientId=${anna}`)).status).toBe(404);
    expect((await h.get(MARIA, `/api/documents/${pdf.id}/thumbnail`)).status).toBe(404);
  });
});

describe('Mini App API: conclusions and applications', () => {
  it('the conclusion PDF downloads as application/pdf for its patient only', async () => {
    addPatient(h.services, MARIA);
    addPatient(h.services, ANNA);
    const issued = await concludedDutyConsultation(h, MARIA);

    const list = await h.get<ConsultationsResponse>(MARIA, '/api/consultations');
    const item = list.body.past[0]!;
    expect(item).toMatchObject({ status: 'completed', conclusion: { id: issued.conclusionId, verificationCode: issued.verificationCode } });
    const pdf = await h.get<Buffer>(MARIA, item.conclusion!.pdfUrl);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename="conclusion-[A-Z0-9-]+\.pdf"$/);
    expect(Buffer.compare(pdf.body, issued.pdf)).toBe(0);

    const stranger = await h.get(ANNA, item.conclusion!.pdfUrl);
    expect([stranger.status, stranger.body.error.code]).toEqual([404, 'not_found']);
    expect((await h.get(MARIA, '/api/conclusions/999999/pdf')).status).toBe(404);
  });

  it('applications of the profile for the home screen, newest first, names from the catalog', async () => {
    const maria = addPatient(h.services, MARIA);
    const anna = addPatient(h.services, ANNA);
    const add = (patientId: number, centerCode: string, conditionCode: string, submittedAt: number) =>
      h.services.db
        .insert(applications)
        .values({ patientId, centerCode, conditionCode, diagnosis: 'd', complaints: 'c', status: 'submitted', submittedAt, updatedAt: submittedAt })
        .returning({ id: applications.id })
        .get().id;
    const older = add(maria, 'bakulev', 'arrhythmia', h.clock.now() - 86_400_000);
    const newer = add(maria, 'kulakov', h.services.catalog.centers[1]!.conditions[0]!.code, h.clock.now());
    add(anna, 'bakulev', 'arrhythmia', h.clock.now());
    const res = await h.get(MARIA, '/api/applications');
    expect(res.body.applications.map((a: { id: number }) => a.id)).toEqual([newer, older]);
    expect(res.body.applications[1]).toMatchObject({ center: 'НМИЦ ССХ им. А.Н. Бакулева', condition: 'Нарушения ритма сердца', status: 'submitted' });
  });
});
