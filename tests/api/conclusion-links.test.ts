import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConclusionLinkResponse, ConsultationsResponse } from '../../api/miniapp/contract.js';
import { createDownloadLinks, DOWNLOAD_LINK_TTL_MS } from '../../core/conclusions/download-link.js';
import { auditLog } from '../../db/schema.js';
import { concludedDutyConsultation, createApiHarness, type ApiHarness } from '../support/miniapp-api.js';
import { addPatient } from '../support/scheduling-fixtures.js';
import { PATIENT_TOKEN } from '../support/service-harness.js';

let h: ApiHarness;
beforeEach(() => {
  h = createApiHarness();
});
afterEach(() => h.close());

const MARIA = 9001;
const ANNA = 9002;

async function concluded() {
  const maria = addPatient(h.services, MARIA);
  addPatient(h.services, ANNA);
  return { maria, issued: await concludedDutyConsultation(h, MARIA) };
}

const link = (userId: number, conclusionId: number, query = '') => h.post<ConclusionLinkResponse>(userId, `/api/conclusions/${conclusionId}/link${query}`);
const fetchLink = (url: string) => h.get(null, url);
const auditOf = (action: string) => h.services.db.select().from(auditLog).where(eq(auditLog.action, action)).all();

describe('Mini App API: signed conclusion links for Telegram’s downloadFile', () => {
  it('a link issued with init data serves the PDF without it, as an attachment named by the code; issue and download audited', async () => {
    const { maria, issued } = await concluded();
    const list = await h.get<ConsultationsResponse>(MARIA, '/api/consultations');
    expect(list.body.past[0]!.conclusion!.id).toBe(issued.conclusionId);

    const res = await link(MARIA, issued.conclusionId, `?patientId=${maria}`);
    expect(res.status).toBe(200);
    expect(res.body.url).toMatch(/^\/api\/files\/[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+\.[A-Za-z0-9_-]{43}$/);
    expect(res.body.fileName).toBe(`conclusion-${issued.verificationCode}.pdf`);
    expect(Date.parse(res.body.expiresAt)).toBe(h.clock.now() + DOWNLOAD_LINK_TTL_MS);

    const pdf = await fetchLink(res.body.url);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="${res.body.fileName}"`);
    expect(pdf.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.compare(pdf.body as Buffer, issued.pdf)).toBe(0);
    // Not one-time: a client that fetches twice (a retry, a HEAD first) still gets the file within the five minutes.
    expect((await fetchLink(res.body.url)).status).toBe(200);

    const issues = auditOf('conclusion.link_issued');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ actorType: 'account', actorId: MARIA, patientId: maria });
    const downloads = auditOf('conclusion.downloaded');
    expect(downloads).toHaveLength(2);
    expect(downloads[0]).toMatchObject({ actorType: 'account', actorId: MARIA, patientId: maria });
    expect(JSON.parse(String(downloads[0]!.details))).toMatchObject({ conclusionId: issued.conclusionId, via: 'link' });
  });

  it('past its five minutes the link answers 410 link_expired, on the service clock', async () => {
    const { issued } = await concluded();
    const { body } = await link(MARIA, issued.conclusionId);
    h.clock.advance(DOWNLOAD_LINK_TTL_MS - 1);
    expect((await fetchLink(body.url)).status).toBe(200);
    h.clock.advance(1);
    const expired = await fetchLink(body.url);
    expect([expired.status, expired.body.error.code]).toEqual([410, 'link_expired']);
  });

  it('a forged or altered token answers 403 link_invalid and serves nothing', async () => {
    const { issued } = await concluded();
    const { body } = await link(MARIA, issued.conclusionId);
    const token = body.url.slice('/api/files/'.length);
    const [conclusionId, patientId, accountId, expiresAt, signature] = token.split('.') as [string, string, string, string, string];
    const forged = [
      // A later expiry under the old signature.
      `${conclusionId}.${patientId}.${accountId}.${Number(expiresAt) + 86_400_000}.${signature}`,
      // Someone else's conclusion id.
      `${Number(conclusionId) + 1}.${patientId}.${accountId}.${expiresAt}.${signature}`,
      // A signature with one character changed.
      `${conclusionId}.${patientId}.${accountId}.${expiresAt}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`,
      'not-a-token',
    ];
    for (const t of forged) {
      const res = await fetchLink(`/api/files/${t}`);
      expect([res.status, res.body.error.code], t).toEqual([403, 'link_invalid']);
    }
    expect(auditOf('conclusion.downloaded')).toHaveLength(0);
  });

  it('another patient’s conclusion gets no link (404), nor does a profile of someone else named in the query', async () => {
    const { maria, issued } = await concluded();
    const stranger = await h.post(ANNA, `/api/conclusions/${issued.conclusionId}/link`);
    expect([stranger.status, stranger.body.error]).toEqual([404, { code: 'not_found', message: 'Conclusion not found' }]);
    expect((await link(ANNA, issued.conclusionId, `?patientId=${maria}`)).status).toBe(404);
    expect((await link(MARIA, 999_999)).status).toBe(404);
    expect(auditOf('conclusion.link_issued')).toHaveLength(0);
  });

  it('a genuinely signed link naming an account without the right downloads nothing: the right is checked again on every fetch', async () => {
    const { maria, issued } = await concluded();
    // What a link would say had Anna once held Maria's profile: signed with the real key, but Anna's account has no
    // such profile now (the same as a profile deleted after its link was issued).
    const links = createDownloadLinks({ botToken: PATIENT_TOKEN, clock: h.clock });
    const { token } = links.issue({ conclusionId: issued.conclusionId, patientId: maria, accountId: ANNA });
    const res = await fetchLink(`/api/files/${token}`);
    expect([res.status, res.body.error.code]).toEqual([404, 'not_found']);
    expect(auditOf('conclusion.downloaded')).toHaveLength(0);
  });

  it('issuing a link needs init data like every other route', async () => {
    const { issued } = await concluded();
    const res = await h.request(null, `/api/conclusions/${issued.conclusionId}/link`, { method: 'POST', body: {} });
    expect(res.status).toBe(401);
  });
});
