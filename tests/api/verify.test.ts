import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { createVerifyRoutes } from '../../api/verify.js';
import { staff } from '../../db/schema.js';
import { createConclusionFixture, type ConclusionFixture } from '../support/conclusion-fixtures.js';

let fixtures: ConclusionFixture[] = [];
afterEach(() => {
  for (const f of fixtures) f.close();
  fixtures = [];
});

async function issued(opts: { doctorName?: string } = {}) {
  const f = createConclusionFixture();
  fixtures.push(f);
  if (opts.doctorName) f.db.update(staff).set({ name: opts.doctorName }).where(eq(staff.id, f.doctorId)).run();
  const { verificationCode } = await f.service.issue({
    consultationId: f.addConsultation(),
    staffId: f.doctorId,
    text: 'Состояние стабильное.',
    outcome: 'in_person',
    verifyBaseUrl: 'https://oblako.example.org',
  });
  // Mounted the way the server mounts it.
  const app = new Hono().route('/', createVerifyRoutes({ conclusions: f.service, catalog: f.catalog }));
  return { f, app, code: verificationCode };
}

describe('GET /verify/:code', () => {
  it('confirms a genuine conclusion in Russian, then English, with initials only', async () => {
    const { app, code } = await issued();
    const res = await app.request(`/verify/${code}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=UTF-8/i);
    expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await res.text();
    expect(html).toContain('<meta name="robots" content="noindex,nofollow">');
    expect(html).toContain(code);
    expect(html).toContain('ФГБУ «НМИЦ сердечно-сосудистой хирургии имени А.Н. Бакулева» Минздрава России');
    expect(html).toContain('Bakulev National Medical Research Center for Cardiovascular Surgery');
    expect(html).toContain('Петров Сергей Александрович');
    expect(html).toContain('Иванова М. П.');
    expect(html).toContain('Приглашение на очную консультацию');
    expect(html).toContain('Invitation to an in-person consultation');
    expect(html.indexOf('Заключение подлинное')).toBeLessThan(html.indexOf('The conclusion is genuine'));
    expect(html).not.toContain('Мария');
    expect(html).not.toContain('Состояние стабильное');
    // Self-contained: nothing loaded from anywhere.
    expect(html).not.toMatch(/<(script|link|img|iframe)\b|src=|url\(/i);
  });

  it('accepts the code as a person types it', async () => {
    const { app, code } = await issued();
    const res = await app.request(`/verify/${encodeURIComponent(code.toLowerCase().replace(/-/g, ' '))}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(code);
  });

  it('answers 404 with a page saying so for an unknown code', async () => {
    const { app } = await issued();
    const res = await app.request('/verify/2345-6789-ABCD');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('Заключение не найдено');
    expect(html).toContain('Conclusion not found');
    expect(html).toContain('2345-6789-ABCD');
    expect(html).not.toContain('Иванова');
  });

  it('escapes everything it prints: a hostile doctor name and a hostile code stay text', async () => {
    const { app, code } = await issued({ doctorName: '<script>alert("x")</script> Доктор & Co' });
    const html = await (await app.request(`/verify/${code}`)).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Доктор &amp; Co');

    const res = await app.request(`/verify/${encodeURIComponent('"><img src=x onerror=alert(1)>')}`);
    expect(res.status).toBe(404);
    const notFound = await res.text();
    expect(notFound).not.toContain('<img');
    expect(notFound).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('GET /verify/:code.json', () => {
  it('gives the same facts as JSON', async () => {
    const { app, code } = await issued();
    const res = await app.request(`/verify/${code}.json`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      genuine: true,
      conclusion: {
        code,
        issuedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        consultationAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        center: {
          ru: 'ФГБУ «НМИЦ сердечно-сосудистой хирургии имени А.Н. Бакулева» Минздрава России',
          en: 'Bakulev National Medical Research Center for Cardiovascular Surgery',
        },
        doctorName: 'Петров Сергей Александрович',
        patientInitials: 'Иванова М. П.',
        outcome: { code: 'in_person', ru: 'Приглашение на очную консультацию', en: 'Invitation to an in-person consultation' },
      },
    });
  });

  it('answers 404 in the API error shape for an unknown code', async () => {
    const { app } = await issued();
    const res = await app.request('/verify/2345-6789-ABCD.json');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ genuine: false, error: { code: 'conclusion_not_found', message: 'No conclusion has this code' } });
  });
});

describe('GET /verify', () => {
  it('offers a form, and sends a typed code to its page', async () => {
    const { app, code } = await issued();
    const form = await app.request('/verify');
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('<form method="get" action="/verify">');

    const redirect = await app.request(`/verify?code=${encodeURIComponent(code.toLowerCase())}`);
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('location')).toBe(`/verify/${code}`);

    expect((await app.request('/verify?code=nonsense')).status).toBe(404);
  });
});
