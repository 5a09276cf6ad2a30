import { asc, eq } from 'drizzle-orm';
import type { Context } from 'grammy';
import { describe, expect, it } from 'vitest';
import { createSms } from '../../../app/sms.js';
import { createI18n } from '../../../bot/shared/i18n.js';
import { resendData } from '../../../bot/staff/referrals/invites-callback-data.js';
import { generateInviteCode } from '../../../core/referrals/invite-code.js';
import { enqueueSms } from '../../../core/sms/outbox.js';
import { auditLog, referrals, smsOutbox } from '../../../db/schema.js';
import type { ServiceHarness } from '../../support/service-harness.js';
import { WEDNESDAY_10_MSK } from '../../support/scheduling-fixtures.js';
import { staffTests } from '../../support/staff-harness.js';
import { staffButtons, staffScreen } from '../../support/staff-screen.js';

const MANAGER = { id: 6680001, first_name: 'Ольга', language_code: 'ru' };
const DOCTOR = { id: 6680002, first_name: 'Анна', language_code: 'ru' };
const PATIENT = 5550001;
let h: ServiceHarness;
const { api, clock } = staffTests({
  seed: (harness) => {
    h = harness;
    h.addStaff(MANAGER.id, 'manager', null, 'Смирнова Ольга Игоревна');
    h.addStaff(DOCTOR.id, 'doctor', 'bakulev', 'Петрова Анна Сергеевна');
  },
});

/** A referral as the import leaves it (its first invite queued), `minutesAgo` before now. */
function addReferral(name: string, phone: string, minutesAgo: number, centerCode = 'bakulev'): number {
  const { db } = h.services;
  const at = clock.now() - minutesAgo * 60_000;
  const code = generateInviteCode();
  const id = db
    .insert(referrals)
    .values({ personKey: `${name}|${phone}`, fullName: name, birthDate: '1961-03-05', phone, centerCode, conditionCode: 'congenital_heart_defect', inviteCode: code, createdAt: at })
    .returning({ id: referrals.id })
    .get().id;
  enqueueSms(db, { phone, purpose: 'referral_invite', params: { code: code }, referralId: id, dedupeKey: `referral_invite:${id}:1` }, at);
  return id;
}

function setInvite(id: number, state: 'queued' | 'sent' | 'failed', error: string | null, sentAt: number | null = null) {
  const { db } = h.services;
  db.update(smsOutbox).set({ state, lastError: error, ...(sentAt ? { sentAt } : {}) }).where(eq(smsOutbox.referralId, id)).run();
  db.update(referrals).set({ inviteState: state, inviteError: error, inviteSentAt: sentAt }).where(eq(referrals.id, id)).run();
}

/** Ivanova: delivered and linked; Petrov: provider refused the number; Sidorova: still queued (newest). */
function seed() {
  const ivanova = addReferral('Иванова Мария Петровна', '+79123456789', 120);
  setInvite(ivanova, 'sent', null, clock.now() - 110 * 60_000);
  h.registerPatient(PATIENT);
  h.services.db.update(referrals).set({ accountId: PATIENT, linkedAt: clock.now() - 30 * 60_000 }).where(eq(referrals.id, ivanova)).run();
  const petrov = addReferral('Петров Иван Сергеевич', '+79991112233', 60);
  setInvite(petrov, 'failed', 'SMS.ru 207: no delivery route to this number');
  const sidorova = addReferral('Сидорова Анна Викторовна', '+79005554433', 5, 'kulakov');
  return { ivanova, petrov, sidorova };
}

const screen = () => staffScreen(api, MANAGER);
const lastAnswer = () => api.callsOf('answerCallbackQuery', h.staff.token).at(-1)!.params;
const audits = (action: string) => h.services.db.select().from(auditLog).where(eq(auditLog.action, action)).all();

describe('staff bot: /referrals', () => {
  it('a manager sees recent referrals with invite and linking state, and Resend on every one not yet linked', async () => {
    seed();
    await h.staff.send(h.staff.updates.command(MANAGER, '/referrals'));
    expect(screen().text).toBe(
      [
        '📨 Направления: все — 3',
        'Время — МСК',
        '',
        '1. Сидорова Анна Викторовна · +7******4433 · НМИЦ АГП им. В.И. Кулакова',
        '   ⏳ SMS-приглашение в очереди',
        '   Пациент ещё не открыл бот',
        '2. Петров Иван Сергеевич · +7******2233 · НМИЦ ССХ им. А.Н. Бакулева',
        '   ❌ SMS-приглашение не доставлено: номер не принимает SMS (неверный, нет маршрута или в стоп-листе) — проверьте телефон в таблице (SMS.ru 207)',
        '   Пациент ещё не открыл бот',
        '3. Иванова Мария Петровна · +7******6789 · НМИЦ ССХ им. А.Н. Бакулева',
        '   ✅ SMS-приглашение отправлено 25.11 08:10',
        '   🔗 Пациент в боте с 25.11 09:30',
        '',
        '🔁 — отправить SMS-приглашение ещё раз (ожидающее в очереди будет заменено).',
      ].join('\n'),
    );
    expect(screen().buttons).toEqual([['🔁 1. Сидорова А. В.'], ['🔁 2. Петров И. С.'], ['• Все', '⏳ В очереди'], ['✅ Отправлены', '❌ Не доставлены']]);
    // Names and phones were shown: the listing is this manager's recorded access.
    expect(audits('referral.invites_listed')).toHaveLength(1);
    expect(audits('referral.invites_listed')[0]).toMatchObject({ actorType: 'staff' });
  });

  it('Resend queues a new SMS (next dedupe key), the row shows queued again, and the SMS sender then sends it', async () => {
    const { petrov } = seed();
    await h.staff.send(h.staff.updates.command(MANAGER, '/referrals'));
    await h.staff.press(MANAGER, '🔁 2. Петров И. С.');
    expect(lastAnswer()).toMatchObject({ text: 'Приглашение поставлено в очередь на отправку.' });
    expect(screen().text).toContain('2. Петров Иван Сергеевич · +7******2233 · НМИЦ ССХ им. А.Н. Бакулева\n   ⏳ SMS-приглашение в очереди (приглашений: 2)');
    const rows = h.services.db.select({ key: smsOutbox.dedupeKey, state: smsOutbox.state }).from(smsOutbox).where(eq(smsOutbox.referralId, petrov)).orderBy(asc(smsOutbox.id)).all();
    expect(rows).toEqual([
      { key: `referral_invite:${petrov}:1`, state: 'failed' },
      { key: `referral_invite:${petrov}:2`, state: 'queued' },
    ]);
    const resent = audits('referral.invite_resent');
    expect(resent).toHaveLength(1);
    expect(resent[0]).toMatchObject({ actorType: 'staff' });
    expect(JSON.parse(resent[0]!.details!)).toEqual({ referralId: petrov, attempt: 2, previousState: 'failed' });

    // The SMS sender (log gateway: no provider in tests) takes it, and the manager's next look shows it sent.
    const i18n = createI18n<Context>(() => undefined);
    const sms = createSms(h.services, { translate: (l, k, p) => i18n.t(l, k, p), botUsername: () => 'oblako_zdorovya_bot' });
    await sms.flush();
    await h.staff.press(MANAGER, '❌ Не доставлены');
    expect(screen().text).toBe(['📨 Направления: SMS не доставлено — 0', 'Время — МСК', '', 'Таких направлений нет.'].join('\n'));
    await h.staff.press(MANAGER, '✅ Отправлены');
    // Sidorova's first invite went out in the same run.
    expect(screen().text).toContain('2. Петров Иван Сергеевич · +7******2233 · НМИЦ ССХ им. А.Н. Бакулева\n   ✅ SMS-приглашение отправлено 25.11 10:00 (приглашений: 2)');
    // A sent invite can still be sent again (a lost SMS, or one that only reached the log): while unlinked, each row keeps 🔁.
    expect(staffButtons(api, MANAGER).filter((b) => b.startsWith('🔁'))).toEqual(['🔁 1. Сидорова А. В.', '🔁 2. Петров И. С.']);
  });

  it('an invite held for the recipient\'s morning says so in the manager\'s language, not as a retry', async () => {
    const { sidorova } = seed();
    // 23:00 Moscow: no hour of daytime all over Russia, so the sender holds Sidorova's invite.
    clock.set(WEDNESDAY_10_MSK + 13 * 3600_000);
    const i18n = createI18n<Context>(() => undefined);
    const sms = createSms(h.services, { translate: (l, k, p) => i18n.t(l, k, p), botUsername: () => 'oblako_zdorovya_bot' });
    await sms.flush();
    expect(h.services.db.select({ state: smsOutbox.state }).from(smsOutbox).where(eq(smsOutbox.referralId, sidorova)).get()).toEqual({ state: 'queued' });
    await h.staff.send(h.staff.updates.command(MANAGER, '/referrals'));
    expect(screen().text).toContain('1. Сидорова Анна Викторовна · +7******4433 · НМИЦ АГП им. В.И. Кулакова\n   ⏳ SMS-приглашение уйдёт утром: у получателя ночь, приглашения отправляются с 09:00 до 21:00 по его времени\n');
    expect(screen().text).not.toMatch(/quiet hours|повтора/);
  });

  it('a filter shows only its state; pages go eight at a time', async () => {
    seed();
    for (let i = 0; i < 9; i++) setInvite(addReferral(`Пациентов Пациент${i} Тестович`, `+7900000000${i}`, 200 + i), 'failed', 'gave up after 52 attempts: SMS.ru HTTP 500');
    await h.staff.send(h.staff.updates.command(MANAGER, '/referrals'));
    await h.staff.press(MANAGER, '❌ Не доставлены');
    expect(screen().text.split('\n')[0]).toBe('📨 Направления: SMS не доставлено — 10');
    expect(screen().text).toContain('   ❌ SMS-приглашение не доставлено: сутки без успеха: SMS-провайдер не ответил (HTTP 500)\n');
    expect(screen().buttons.at(-3)).toEqual(['1 из 2', 'Дальше ▶️']);
    await h.staff.press(MANAGER, 'Дальше ▶️');
    expect(screen().text).toMatch(/^9\. Пациентов Пациент7 Тестович/m);
    expect(screen().text).toMatch(/^10\. Пациентов Пациент8 Тестович/m);
    expect(screen().buttons.at(-3)).toEqual(['◀️ Назад', '2 из 2']);
  });

  it('a doctor cannot see /referrals, nor resend with a forged button; nothing is read or changed', async () => {
    const { petrov } = seed();
    await h.staff.send(h.staff.updates.command(DOCTOR, '/referrals'));
    expect(staffScreen(api, DOCTOR).text).toBe('Направления и SMS-приглашения видят только менеджеры и администраторы.');
    await h.staff.send(h.staff.updates.callback(DOCTOR, resendData.pack({ id: petrov, filter: 'all', page: 0 }), staffScreen(api, DOCTOR).message));
    expect(lastAnswer()).toMatchObject({ text: 'Направления и SMS-приглашения видят только менеджеры и администраторы.', show_alert: true });
    expect(h.services.db.select().from(smsOutbox).where(eq(smsOutbox.referralId, petrov)).all()).toHaveLength(1);
    expect(audits('referral.invites_listed')).toEqual([]);
    expect(audits('referral.invite_resent')).toEqual([]);
  });

  it('a referral already linked cannot be resent even by a forged button; a malformed one is refused', async () => {
    const { ivanova } = seed();
    await h.staff.send(h.staff.updates.command(MANAGER, '/referrals'));
    const message = staffScreen(api, MANAGER).message;
    await h.staff.send(h.staff.updates.callback(MANAGER, resendData.pack({ id: ivanova, filter: 'all', page: 0 }), message));
    expect(lastAnswer()).toMatchObject({ text: 'Пациент уже открыл бот по этому направлению — приглашение не нужно.', show_alert: true });
    expect(h.services.db.select().from(smsOutbox).where(eq(smsOutbox.referralId, ivanova)).all()).toHaveLength(1);
    await h.staff.send(h.staff.updates.callback(MANAGER, 'refInvRe:nonsense:x:y', message));
    expect(lastAnswer()).toMatchObject({ text: 'Это действие больше недоступно.' });
  });
});
