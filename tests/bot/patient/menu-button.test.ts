import { Bot } from 'grammy';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configureMenuButton } from '../../../bot/patient/menu-button.js';
import { createServiceHarness } from '../../support/service-harness.js';
import { createFakeBotApi } from '../../support/fake-bot-api.js';
import { PATIENT_TOKEN } from '../../support/patient-bot.js';

const api = createFakeBotApi();
beforeAll(() => api.listen());
afterEach(() => api.reset());
afterAll(() => api.close());

describe('the chat menu button', () => {
  const bot = () => new Bot(PATIENT_TOKEN, { botInfo: api.botInfo(PATIENT_TOKEN), client: { apiRoot: api.apiRoot } });

  it('opens the Mini App under PUBLIC_URL/app/ when the service has an https address', async () => {
    await configureMenuButton(bot().api, 'https://care.clinic.example', 'Личный кабинет');
    expect(api.callsOf('setChatMenuButton').map((c) => c.params.menu_button)).toEqual([
      { type: 'web_app', text: 'Личный кабинет', web_app: { url: 'https://care.clinic.example/app/' } },
    ]);
  });

  it('stays the default commands menu without one (Telegram opens web apps over https only)', async () => {
    await configureMenuButton(bot().api, undefined, 'Личный кабинет');
    await configureMenuButton(bot().api, 'http://localhost:8080', 'Личный кабинет');
    expect(api.callsOf('setChatMenuButton').map((c) => c.params.menu_button)).toEqual([{ type: 'default' }, { type: 'default' }]);
  });

  it("switching language relabels this chat's button in the new language; a person who consents in English gets it at once", async () => {
    const h = createServiceHarness(api);
    try {
      const MARIA = { id: 5550001, first_name: 'Мария', language_code: 'ru' };
      h.registerPatient(MARIA.id);
      const chatButtons = () => api.callsOf('setChatMenuButton').map((c) => [Number(c.params.chat_id), c.params.menu_button]);
      await h.patient.send(h.patient.updates.command(MARIA, '/language'));
      await h.patient.press(MARIA, 'English');
      await h.patient.send(h.patient.updates.command(MARIA, '/language'));
      await h.patient.press(MARIA, 'Русский');
      const app = { url: 'https://oblako.test/app/' };
      expect(chatButtons()).toEqual([
        [MARIA.id, { type: 'web_app', text: 'My account', web_app: app }],
        [MARIA.id, { type: 'web_app', text: 'Личный кабинет', web_app: app }],
      ]);

      const JOHN = { id: 5550003, first_name: 'John', language_code: 'en' };
      await h.patient.send(h.patient.updates.command(JOHN, '/start'));
      await h.patient.press(JOHN, '✅ I agree');
      expect(chatButtons().at(-1)).toEqual([JOHN.id, { type: 'web_app', text: 'My account', web_app: app }]);
    } finally {
      h.close();
    }
  });
});
