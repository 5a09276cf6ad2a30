import { Bot } from 'grammy';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configureMenuButton } from '../../../bot/patient/menu-button.js';
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
});
