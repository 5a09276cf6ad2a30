import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Renderers } from '../../../bot/shared/renderers.js';
import { enqueue } from '../../../core/outbox/repository.js';
import { isTemplate, parseParams, type ParamsOf, type PatientTemplate } from '../../../core/outbox/templates.js';
import { enqueueSms } from '../../../core/sms/outbox.js';
import { openDatabase } from '../../../db/client.js';

describe('the template catalogue', () => {
  it('checks stored params: the params when they match, else each wrong field by name', () => {
    expect(parseParams('consultation_reminder', { consultationId: 7, kind: 'day', startsAt: 1 })).toEqual({
      ok: true,
      params: { consultationId: 7, kind: 'day', startsAt: 1 },
    });
    const wrong = parseParams('consultation_reminder', { consultationId: '7', kind: 'week' });
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.problem).toMatch(/^consultationId .+; kind .+; startsAt /);
    expect(parseParams('referral_invite', { code: 'short' })).toEqual({ ok: false, problem: 'code not an invite code' });
  });

  it('knows its own names only, not an object’s inherited keys', () => {
    expect(isTemplate('conclusion_ready')).toBe(true);
    expect(isTemplate('from_a_newer_release')).toBe(false);
    expect(isTemplate('toString')).toBe(false);
  });

  it('writers and renderers are typed by it (checked by tsc in npm test)', () => {
    const db = openDatabase(':memory:');
    const message = { chatId: 1, dedupeKey: 'k' };
    enqueue(db, { ...message, template: 'application_declined', params: { applicationId: 1, reason: 'нет показаний' } }, 0);
    // Never called: tsc refuses each of these lines, so `npm run typecheck` fails if one of them compiles.
    const mistakes = () => {
      // @ts-expect-error a typo in the template's name
      enqueue(db, { ...message, template: 'application_decline', params: { applicationId: 1, reason: 'нет показаний' } }, 0);
      // @ts-expect-error a missing param
      enqueue(db, { ...message, template: 'application_declined', params: { applicationId: 1 } }, 0);
      // @ts-expect-error a param of the wrong type
      enqueue(db, { ...message, template: 'application_declined', params: { applicationId: '1', reason: 'нет показаний' } }, 0);
      // @ts-expect-error an SMS purpose is not a Telegram template
      enqueue(db, { ...message, template: 'referral_invite', params: { code: 'Ab3_x-Z9qK0w' } }, 0);
      // @ts-expect-error a Telegram template is not an SMS purpose
      enqueueSms(db, { phone: '+79123456789', purpose: 'conclusion_ready', params: { conclusionId: 1 }, dedupeKey: 'k' }, 0);
    };
    expect(mistakes).toBeTypeOf('function');
    expect(db.$client.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(1);
    db.$client.close();

    expectTypeOf<ParamsOf<'consultation_cancelled_by_doctor'>>().toEqualTypeOf<{ consultationId: number; reason?: string | undefined }>();
    // A bot's table must name every template of its channel, and a renderer reads its own template's params.
    expectTypeOf<Renderers<PatientTemplate>>().toHaveProperty('conclusion_ready');
    expectTypeOf<Renderers<PatientTemplate>>().not.toHaveProperty('application_new');
  });
});
