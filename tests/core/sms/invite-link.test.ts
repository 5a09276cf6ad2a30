import { eq } from 'drizzle-orm';
import type { Context } from 'grammy';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSms } from '../../../app/sms.js';
import { createI18n } from '../../../bot/shared/i18n.js';
import { countSegments } from '../../../core/sms/segments.js';
import { referrals, smsOutbox } from '../../../db/schema.js';
import { createFakeBotApi } from '../../support/fake-bot-api.js';
import { createClockedHarness, manualClock, PATIENT_TOKEN, type ServiceHarness } from '../../support/service-harness.js';

const api = createFakeBotApi();
const clock = manualClock();
const MARIA = { id: 5570001, first_name: 'Мария', language_code: 'ru' };
const i18n = createI18n<Context>(() => undefined);
let h: ServiceHarness;

beforeAll(() => api.listen());
beforeEach(() => {
  h = createClockedHarness(api, clock);
});
afterEach(() => {
  h.close();
  api.reset();
});
afterAll(() => api.close());

const CSV = [
  'ФИО;Дата рождения;Телефон;Центр;Заболевание;Диагноз;Направивший врач;Медицинская организация',
  'Иванова Мария Петровна;05.03.1961;8 (912) 345-67-89;Бакулева;ИБС;Стенокардия напряжения II ФК;Петров Пётр Петрович;ГБУЗ «Областная больница № 1»',
].join('\r\n');

describe('from the table to the bot through the SMS', () => {
  it('the imported referral’s SMS carries a link that opens its own referral in the patient bot, and no health details', async () => {
    const result = await h.services.referralImport.importFile({ bytes: Buffer.from(CSV, 'utf8'), fileName: 'referrals.csv', actor: { type: 'system' } });
    expect(result).toMatchObject({ imported: 1, known: 0, rejected: [] });

    // The service's SMS sender, with the name the patient bot got from getMe (no PATIENT_BOT_USERNAME in tests).
    const username = api.botInfo(PATIENT_TOKEN).username;
    const sms = createSms(h.services, { translate: (l, k, p) => i18n.t(l, k, p), botUsername: () => username });
    expect(await sms.flush()).toBe(1);
    const row = h.services.db.select().from(smsOutbox).get()!;
    expect(row).toMatchObject({ state: 'sent', phone: '+79123456789', providerMessageId: null });
    const text = row.text!;
    expect(countSegments(text).segments).toBeLessThanOrEqual(2);
    for (const secret of ['Стенокард', 'ИБС', 'Ишеми', 'Бакулев', 'сердц', 'Петров', 'Иванова']) expect(text).not.toContain(secret);

    const link = /https:\/\/t\.me\/(\w+)\?start=(ref_[\w-]{12})$/.exec(text);
    expect(link?.[1]).toBe(username);
    const referral = h.services.db.select().from(referrals).get()!;
    expect(link?.[2]).toBe(`ref_${referral.inviteCode}`);
    expect(referral).toMatchObject({ inviteState: 'sent', inviteSentAt: clock.now(), inviteError: null });

    // Opening the link is what the person does next: after consent, the bot offers that very referral.
    await h.patient.send(h.patient.updates.command(MARIA, '/start', link![2]));
    await h.patient.press(MARIA, '✅ Согласен(на)');
    expect(h.patient.seen(MARIA).at(-1)).toMatch(/^Вас направил\(а\) Петров Пётр Петрович/);
    await h.patient.press(MARIA, '✅ Да, это я');
    // Linked once the patient's birth date from the table is typed.
    await h.patient.send(h.patient.updates.text(MARIA, '05.03.1961'));
    expect(h.services.db.select({ accountId: referrals.accountId }).from(referrals).where(eq(referrals.id, referral.id)).get()!.accountId).toBe(MARIA.id);
  });
});
