import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '../../../core/accounts/consent.js';
import { accounts, botState } from '../../../db/schema.js';
import { createFakeBotApi } from '../../support/fake-bot-api.js';
import { createPatientBotHarness, PATIENT_TOKEN, type PatientBotHarness } from '../../support/patient-bot.js';

const api = createFakeBotApi();
const MARIA = { id: 5550001, first_name: 'Мария', language_code: 'ru' };
const HANS = { id: 5550004, first_name: 'Hans', language_code: 'de' };

let h: PatientBotHarness;
beforeAll(() => api.listen());
beforeEach(() => {
  h = createPatientBotHarness(api);
});
afterEach(() => {
  h.close();
  api.reset();
});
afterAll(() => api.close());

function registered() {
  h.services.accounts.upsertConsent(MARIA.id, 'ru', CONSENT_VERSION, Date.now());
  h.services.patients.create(MARIA.id, {
    relation: 'self',
    fullName: 'Иванова Мария Петровна',
    birthDate: '1961-03-05',
    phone: '+79123456789',
    phoneVerified: true,
    regionCode: 'RU-PRI',
    timeZone: 'Asia/Vladivostok',
  });
}

async function chooseEnglish(harness = h) {
  await harness.send(harness.updates.command(MARIA, '/language'));
  await harness.press(MARIA, 'English');
}

describe('/language', () => {
  it('offers Русский and English', async () => {
    await h.send(h.updates.command(MARIA, '/language'));
    expect(h.seen(MARIA)).toEqual(['Выберите язык / Choose your language:']);
    expect(api.sent(MARIA.id, PATIENT_TOKEN).at(-1)!.buttons.flat()).toEqual(['Русский', 'English']);
  });

  it('before consent the choice stays in the session only, and /start then speaks English', async () => {
    await chooseEnglish();
    expect(h.seen(MARIA).at(-1)).toBe('Language: English.');
    expect(h.db.select().from(accounts).all()).toEqual([]);
    expect(h.db.select().from(botState).all()).toEqual([expect.objectContaining({ key: `session:${MARIA.id}`, value: '{"locale":"en"}' })]);

    await h.send(h.updates.command(MARIA, '/start'));
    const [welcome, ask] = h.seen(MARIA);
    expect(welcome).toMatch(/^Hello! This is Oblako Zdorovya/);
    expect(ask).toMatch(/^To continue we need your consent/);
    // Consent carries the choice over to the account.
    await h.press(MARIA, '✅ I agree');
    expect(h.seen(MARIA).at(-1)).toMatch(/^Please type your full name/);
    expect(h.services.accounts.find(MARIA.id)?.locale).toBe('en');
  });

  it('after consent the choice is stored on the account and survives a restart', async () => {
    registered();
    await chooseEnglish();
    expect(h.seen(MARIA).at(-1)).toBe('Language: English.');
    expect(api.sent(MARIA.id, PATIENT_TOKEN).at(-1)!.buttons.flat()).toEqual(['📝 Apply to a center', '🗂 My applications', '📄 Documents', '👤 Profiles', '➕ Add a patient', '❓ Help']);
    expect(h.services.accounts.find(MARIA.id)?.locale).toBe('en');
    expect(h.db.select().from(botState).all().map((r) => r.value)).not.toContainEqual(expect.stringContaining('"locale"'));

    const restarted = h.restart();
    await restarted.send(restarted.updates.command(MARIA, '/help'));
    expect(api.lastText(MARIA.id)).toMatch(/^Oblako Zdorovya — free online consultations/);
    await restarted.send(restarted.updates.text(MARIA, '👤 Profiles'));
    expect(api.sent(MARIA.id, PATIENT_TOKEN).at(-2)!.text).toBe('Patient profiles on this account:');
    expect(api.lastText(MARIA.id)).toContain('Date of birth: 05.03.1961');
  });

  it('switching back to Russian is stored the same way', async () => {
    registered();
    await chooseEnglish();
    await h.send(h.updates.command(MARIA, '/language'));
    await h.press(MARIA, 'Русский');
    expect(h.seen(MARIA).at(-1)).toBe('Язык: русский.');
    expect(h.services.accounts.find(MARIA.id)?.locale).toBe('ru');
    await h.send(h.updates.text(MARIA, '❓ Помощь'));
    expect(h.seen(MARIA).at(-1)).toMatch(/^«Облако здоровья» — бесплатные/);
  });

  it('conversations speak the chosen language, explanations of bad input included', async () => {
    await h.send(h.updates.command(MARIA, '/start'));
    await h.press(MARIA, '✅ Согласен(на)');
    expect(h.seen(MARIA).at(-1)).toMatch(/^Напишите ваши фамилию/);
    await chooseEnglish();
    await h.send(h.updates.command(MARIA, '/start'));
    expect(h.seen(MARIA).at(-1)).toMatch(/^Please type your full name/);
    await h.send(h.updates.text(MARIA, 'Ivan0va Maria'));
    await h.send(h.updates.text(MARIA, 'Ivanova Maria Petrovna'));
    expect(h.seen(MARIA)).toEqual([
      expect.stringMatching(/^A name cannot contain digits/),
      'Date of birth? For example: 05.03.1961',
    ]);
  });

  it('a Telegram language we do not have (German) gets Russian', async () => {
    await h.send(h.updates.command(HANS, '/start'));
    expect(h.seen(HANS)[0]).toMatch(/^Здравствуйте! Это «Облако здоровья»/);
    await h.press(HANS, '✅ Согласен(на)');
    expect(h.seen(HANS).at(-1)).toMatch(/^Напишите ваши фамилию/);
    expect(h.services.accounts.find(HANS.id)?.locale).toBe('ru');
  });
});
