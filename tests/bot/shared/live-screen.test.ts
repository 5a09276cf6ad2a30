import { conversations, createConversation, type Conversation, type ConversationFlavor } from '@grammyjs/conversations';
import { Bot, InlineKeyboard, type Context } from 'grammy';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLiveScreen } from '../../../bot/shared/live-screen/screen.js';
import { runSteps } from '../../../bot/shared/live-screen/steps.js';
import { createBotHandle, type BotHandle } from '../../support/bot-handle.js';
import { createFakeBotApi } from '../../support/fake-bot-api.js';
import { createUpdateFactory } from '../../support/updates.js';

const api = createFakeBotApi();
const TOKEN = '4242:live-screen-test';
const USER = { id: 5150001, first_name: 'Анна', language_code: 'ru' };
type Ctx = ConversationFlavor<Context>;

/** A counter on one live screen: "+1" edits it in place, a typed text starts it anew; at most four updates. */
async function counter(conversation: Conversation<Ctx, Context>, ctx: Context) {
  const live = createLiveScreen(conversation, ctx);
  let n = 0;
  const view = () => ({ text: `n = ${n}`, keyboard: new InlineKeyboard().text('+1', 'cnt:add').text('Готово', 'cnt:done') });
  await live.show(view());
  await runSteps(conversation, {
    maxSteps: 4,
    owns: (data) => data.startsWith('cnt:'),
    parse: (data) => (data === 'cnt:add' || data === 'cnt:done' ? data : undefined),
    stale: () => 'устарело',
    async button(update, data) {
      await update.answerCallbackQuery();
      if (data === 'cnt:done') return live.leave(`итого ${n}`);
      n++;
      return live.show(view(), update);
    },
    text: () => live.show(view()),
    other: (update) => update.reply('кнопкой'),
    cancel: () => live.leave('отменено'),
    tooMany: () => live.leave('слишком много шагов'),
  });
}

let bot: Bot<Ctx>;
let h: BotHandle;
const lastShown = () => api.history(USER.id, TOKEN).filter((m) => m.from?.is_bot).at(-1)!;
const screen = () => {
  const last = lastShown();
  return { text: 'text' in last ? last.text : '', buttons: (last.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text) };
};
const withButtons = () => api.history(USER.id, TOKEN).filter((m) => m.reply_markup?.inline_keyboard.length);

beforeAll(() => api.listen());
beforeEach(async () => {
  bot = new Bot<Ctx>(TOKEN, { botInfo: api.botInfo(TOKEN), client: { apiRoot: api.apiRoot } });
  bot.use(conversations());
  bot.use(createConversation(counter, 'counter'));
  bot.command('count', (ctx) => ctx.conversation.enter('counter'));
  bot.command('other', (ctx) => ctx.reply('другая команда'));
  bot.callbackQuery('elsewhere', (ctx) => ctx.reply('другая кнопка'));
  bot.on('message:text', (ctx) => ctx.reply('вне потока'));
  const updates = createUpdateFactory({ api, token: TOKEN });
  h = createBotHandle(api, TOKEN, updates, (u) => bot.handleUpdate(u));
  await h.send(updates.command(USER, '/count'));
});
afterEach(() => api.reset());
afterAll(() => api.close());

describe('live screen: one message with live buttons and a bounded step loop', () => {
  it('a press edits the live message in place; a typed text shows it anew and the old one loses its buttons', async () => {
    await h.press(USER, '+1');
    expect(h.seen(USER)).toEqual(['n = 0']);
    expect(screen()).toEqual({ text: 'n = 1', buttons: ['+1', 'Готово'] });
    await h.send(h.updates.text(USER, 'ещё'));
    expect(h.seen(USER)).toEqual(['n = 1']);
    expect(withButtons()).toHaveLength(1);
    await h.press(USER, 'Готово');
    expect(h.seen(USER)).toEqual(['итого 1']);
    expect(withButtons()).toEqual([]);
    // The flow is over: a text goes on to the bot's other handlers.
    await h.send(h.updates.text(USER, 'привет'));
    expect(h.seen(USER)).toEqual(['вне потока']);
  });

  it('a stale button of the flow is answered; anything but a button or a text is answered; the flow stays', async () => {
    await h.send(h.updates.callback(USER, 'cnt:forged', lastShown()));
    expect(api.callsOf('answerCallbackQuery', TOKEN).at(-1)!.params).toMatchObject({ text: 'устарело' });
    await h.send(h.updates.sticker(USER));
    expect(h.seen(USER)).toEqual(['n = 0', 'кнопкой']);
    await h.press(USER, '+1');
    expect(withButtons().map((m) => ('text' in m ? m.text : ''))).toEqual(['n = 1']);
  });

  it('/cancel leaves the flow; another command or another feature’s button leaves it and runs', async () => {
    await h.send(h.updates.command(USER, '/cancel'));
    expect(h.seen(USER)).toEqual(['n = 0', 'отменено']);
    expect(withButtons()).toEqual([]);

    await h.send(h.updates.command(USER, '/count'));
    await h.send(h.updates.command(USER, '/other'));
    expect(h.seen(USER)).toEqual(['n = 0', 'другая команда']);
    await h.send(h.updates.text(USER, 'привет'));
    expect(h.seen(USER)).toEqual(['вне потока']);

    await h.send(h.updates.command(USER, '/count'));
    // A button another feature put on an earlier message.
    await h.send(h.updates.callback(USER, 'elsewhere', api.history(USER.id, TOKEN)[0]));
    expect(h.seen(USER)).toEqual(['n = 0', 'другая кнопка']);
  });

  it('after its last step the flow gives up: buttons gone, said so, over', async () => {
    for (let i = 0; i < 4; i++) await h.send(h.updates.text(USER, String(i)));
    expect(h.seen(USER).at(-1)).toBe('слишком много шагов');
    expect(withButtons()).toEqual([]);
    await h.send(h.updates.text(USER, 'привет'));
    expect(h.seen(USER)).toEqual(['вне потока']);
  });
});
