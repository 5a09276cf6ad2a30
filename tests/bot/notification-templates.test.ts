import { Api } from 'grammy';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { patientRendererTable, patientRenderers } from '../../bot/patient/notifications/index.js';
import { createI18n } from '../../bot/shared/i18n.js';
import { createOutboxSender } from '../../bot/shared/outbox-sender.js';
import { smsRenderers } from '../../bot/sms/renderers.js';
import { staffRendererTable } from '../../bot/staff/notifications/index.js';
import { enqueue, insertOutboxRow } from '../../core/outbox/repository.js';
import { templatesOf, TEMPLATES } from '../../core/outbox/templates.js';
import { outbox } from '../../db/schema.js';
import { createFakeBotApi } from '../support/fake-bot-api.js';
import { createServiceHarness, manualClock, PATIENT_TOKEN, STAFF_TOKEN, type ServiceHarness } from '../support/service-harness.js';

const clock = manualClock();
const api = createFakeBotApi({ now: () => clock.now() });
const MARIA = 5550001;

let h: ServiceHarness;

beforeAll(() => api.listen());
beforeEach(() => {
  h = createServiceHarness(api, { clock });
});
afterEach(() => {
  h.close();
  api.reset();
});
afterAll(() => api.close());

const sorted = (names: Iterable<string>) => [...names].sort();

describe('core/outbox/templates.ts against the bots', () => {
  it('every template is sent by exactly one of the patient bot, the staff bot and SMS', () => {
    const channels = [templatesOf('patient'), templatesOf('staff'), templatesOf('sms')];
    expect(sorted(channels.flat())).toEqual(sorted(Object.keys(TEMPLATES)));
    expect(channels.every((names) => names.length > 0)).toBe(true);
  });

  it('the patient bot has a renderer for every patient template and for nothing else', () => {
    expect(sorted(Object.keys(patientRendererTable(h.services)))).toEqual(sorted(templatesOf('patient')));
  });

  it('the staff bot has a renderer for every staff template and for nothing else', () => {
    expect(sorted(Object.keys(staffRendererTable({ ...h.services, staffToken: STAFF_TOKEN })))).toEqual(sorted(templatesOf('staff')));
  });

  it('the SMS sender has a text for every SMS purpose and for nothing else', () => {
    const renderers = smsRenderers({ translate: () => '', botUsername: () => 'oblako_zdorovya_bot' });
    expect(sorted(Object.keys(renderers))).toEqual(sorted(templatesOf('sms')));
  });
});

describe('stored params are checked when rendered', () => {
  it('a row whose params do not match its template fails with the reason, logged; the chat’s next message still goes', async () => {
    const logs: string[] = [];
    const i18n = createI18n(() => undefined);
    const sender = createOutboxSender({
      repo: h.services.outbox,
      channels: {
        patient: {
          api: new Api(PATIENT_TOKEN, { apiRoot: api.apiRoot }),
          locale: () => 'ru',
          translate: (locale, key, params) => i18n.t(locale, key, params),
          renderers: patientRenderers(h.services),
        },
      },
      clock,
      logger: pino({ level: 'error' }, { write: (line: string) => logs.push(line) }),
    });
    h.registerPatient(MARIA);
    // As an older release might have left it: the id as a string.
    insertOutboxRow(h.services.db, { bot: 'patient', chatId: MARIA, template: 'consultation_scheduled', params: { consultationId: '7' }, dedupeKey: 'old:1' }, clock.now());
    enqueue(h.services.db, { chatId: MARIA, template: 'consultation_no_show', params: { consultationId: 999 }, dedupeKey: 'next:1' }, clock.now());

    expect(await sender.flush()).toBe(2);
    const [old, next] = h.services.db.select().from(outbox).where(eq(outbox.chatId, MARIA)).orderBy(outbox.id).all();
    expect(old).toMatchObject({ sentAt: null, failedAt: clock.now() });
    expect(old!.lastError).toMatch(/^render: params of consultation_scheduled do not match core\/outbox\/templates\.ts: consultationId /);
    // The next row was rendered (and skipped: there is no consultation 999), not held behind the broken one.
    expect(next).toMatchObject({ sentAt: clock.now(), failedAt: null });
    expect(logs.join('')).toMatch(/outbox message could not be rendered/);
    expect(logs.join('')).toMatch(/consultation_scheduled/);
  });
});
