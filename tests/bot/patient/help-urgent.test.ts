import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeBotApi } from '../../support/fake-bot-api.js';
import { createPatientBotHarness, type PatientBotHarness } from '../../support/patient-bot.js';

const api = createFakeBotApi();
const MARIA = { id: 5550301, first_name: 'Мария', language_code: 'ru' };
const JOHN = { id: 5550302, first_name: 'John', language_code: 'en' };

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

describe('a complaint typed to the bot', () => {
  it('gets the emergency numbers first, then what it would have got', async () => {
    await h.send(h.updates.text(MARIA, 'у меня болит сердце, что делать?'));
    const [advice, next] = h.seen(MARIA);
    expect(advice).toMatch(/^⚠️ [\s\S]*103 или 112[\s\S]*дежурному врачу/);
    expect(advice!.length).toBeLessThanOrEqual(400);
    expect(next).toMatch(/согласие и зарегистрироваться/);
  });

  it('in English for an English speaker; an ordinary message gets no alarm', async () => {
    await h.send(h.updates.text(JOHN, 'I have chest pain'));
    expect(h.seen(JOHN)[0]).toMatch(/call 103 or 112/);
    await h.send(h.updates.text(MARIA, 'когда моя консультация?'));
    expect(h.seen(MARIA).join('\n')).not.toMatch(/103/);
  });
});

describe('/help', () => {
  it('names the three ways to a doctor, the duty doctor and the Mini App among them, in one short message', async () => {
    await h.send(h.updates.command(MARIA, '/help'));
    const [help] = h.seen(MARIA);
    expect(help).toMatch(/Дежурный врач[\s\S]*«Личный кабинет»[\s\S]*Заявка в центр[\s\S]*По направлению/);
    expect(help).toContain('103 или 112');
    expect(help!.length).toBeLessThanOrEqual(400);
  });
});
