import { Composer } from 'grammy';
import type { DutyChat } from '../../../core/duty-chat/repository.js';
import { consultationWhen } from '../applications/format.js';
import type { PatientContext } from '../context.js';
import type { PatientBotDeps } from '../deps.js';
import { mainMenu } from '../menu.js';
import { askDoctorData, leaveChatData } from './callback-data.js';
import { replyClosed } from './closed.js';
import { leaveKeyboard } from './keyboards.js';
import { createChatModeStore, type ChatModeStore } from './mode.js';
import { relayFromPatient } from './relay.js';

/** The main menu's labels in the person's language: pressing one leaves the chat, like a command. */
function isMenuLabel(ctx: PatientContext, text: string): boolean {
  return mainMenu(ctx).keyboard.flat().some((b) => (typeof b === 'string' ? b : b.text) === text);
}

async function whenOf(ctx: PatientContext, chat: DutyChat) {
  const patient = ctx.deps.patients.get(ctx.from!.id, chat.patientId);
  const locale = await ctx.i18n.getLocale();
  return consultationWhen(ctx.deps, chat, patient?.regionCode ?? '', locale);
}

async function enterChat(ctx: PatientContext, mode: ChatModeStore, consultationId: number): Promise<void> {
  const access = ctx.deps.dutyChat.access(ctx.from!.id, consultationId);
  if (!access.open) return replyClosed(ctx, access.reason);
  // From here on the person's text and photos are for the doctor, not for a form or an upload left open.
  if (Object.keys(ctx.conversation.active()).length > 0) await ctx.conversation.exitAll();
  delete ctx.session.upload;
  delete ctx.session.applyDraft?.awaiting;
  mode.enter(ctx.chat!.id, consultationId);
  const { chat } = access;
  const text = ctx.t('dchat-welcome', { doctor: chat.staffName, name: chat.patientName, ...(await whenOf(ctx, chat)) });
  await ctx.reply(text, { reply_markup: leaveKeyboard(ctx.t, consultationId) });
}

/**
 * Registered before the flow guard: in chat mode /cancel leaves the chat (and says so), and any other command or menu
 * button leaves it before doing what was asked.
 */
export function dutyChatExit(deps: Pick<PatientBotDeps, 'db'>) {
  const mode = createChatModeStore(deps.db);
  const exit = new Composer<PatientContext>();
  exit.on('message:text', async (ctx, next) => {
    const text = ctx.message.text;
    if (!mode.get(ctx.chat.id) || !(text.startsWith('/') || isMenuLabel(ctx, text))) return next();
    mode.leave(ctx.chat.id);
    if (/^\/cancel(@\w+)?(\s|$)/.test(text)) return void (await ctx.reply(ctx.t('dchat-left'), { reply_markup: mainMenu(ctx) }));
    await next();
  });
  return exit;
}

/**
 * The patient's side of the duty-doctor chat: «Ask the duty doctor» (on the booking notice, a doctor's answer, or
 * /duty_doctor) enters chat mode for one consultation; then text and photos go to that doctor until the patient leaves
 * or the chat closes. Registered after the conversations (an open form keeps its answers) and before the features that
 * take text or photos.
 */
export function dutyChatFeature(deps: Pick<PatientBotDeps, 'db'>) {
  const mode = createChatModeStore(deps.db);
  const feature = new Composer<PatientContext>();
  const registered = feature.filter((ctx) => ctx.deps.accounts.find(ctx.from!.id) !== undefined);

  registered.command('duty_doctor', async (ctx) => {
    const open = ctx.deps.dutyChat.openChats(ctx.from!.id);
    if (open.length === 0) return ctx.reply(ctx.t('dchat-none', { app: ctx.t('menu-button-app') }));
    if (open.length === 1) return enterChat(ctx, mode, open[0]!.consultationId);
    const lines = [ctx.t('dchat-choose')];
    const keyboard = [];
    for (const chat of open) {
      const label = ctx.t('dchat-choose-entry', { name: chat.patientName, doctor: chat.staffName, ...(await whenOf(ctx, chat)) });
      lines.push(`• ${label}`);
      keyboard.push([{ text: label.slice(0, 60), callback_data: askDoctorData.pack({ id: chat.consultationId }) }]);
    }
    await ctx.reply(lines.join('\n'), { reply_markup: { inline_keyboard: keyboard } });
  });

  registered.callbackQuery(askDoctorData.filter(), async (ctx) => {
    await ctx.answerCallbackQuery();
    await enterChat(ctx, mode, askDoctorData.unpack(ctx.callbackQuery.data).id);
  });

  registered.callbackQuery(leaveChatData.filter(), async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    // Whichever consultation the chat is about now: the person asked to stop writing to the doctor.
    mode.leave(ctx.chat!.id);
    await ctx.reply(ctx.t('dchat-left'), { reply_markup: mainMenu(ctx) });
  });

  feature.on('message', async (ctx, next) => {
    const current = mode.get(ctx.chat.id);
    // A shared contact or Mini App data answers the bot (a phone to link a referral), never a question for the doctor.
    if (!current || ctx.message.contact || ctx.message.web_app_data) return next();
    await relayFromPatient(ctx, mode, current.consultationId);
  });

  return feature;
}
