import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createFakeBotApi } from '../../support/fake-bot-api.js';
import { createPatientBotHarness, type PatientBotHarness } from '../../support/patient-bot.js';

// Years after the wall clock: a birth date in 2030 is only in the past on the service's own clock.
const SERVICE_NOW = Date.UTC(2031, 5, 1, 9, 0);
const api = createFakeBotApi();
const OLGA = { id: 5550101, first_name: 'Ольга', language_code: 'ru' };

let h: PatientBotHarness;
beforeAll(() => api.listen());
afterEach(() => {
  h.close();
  api.reset();
});
afterAll(() => api.close());

it('judges a birth date against the service clock, not the wall clock', async () => {
  h = createPatientBotHarness(api, { clock: { now: () => SERVICE_NOW } });
  await h.send(h.updates.command(OLGA, '/start'));
  await h.press(OLGA, '✅ Согласен(на)');
  await h.send(h.updates.text(OLGA, 'Смирнова Ольга Викторовна'));
  await h.send(h.updates.text(OLGA, '02.06.2031'));
  expect(h.seen(OLGA).at(-1)).not.toMatch(/телефон/i);
  await h.send(h.updates.text(OLGA, '01.01.2030'));
  expect(h.seen(OLGA).at(-1)).toMatch(/телефон/i);
});
