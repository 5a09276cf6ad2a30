import { InlineKeyboard } from 'grammy';
import { likelyRegions } from '../../../core/catalog/likely-regions.js';
import type { ConvoContext } from '../context.js';
import type { PatientBotDeps } from '../deps.js';
import { summaryData } from './callback-data.js';
import { askRegion, askZone, type Convo, type RegionAnswer } from './steps.js';

const OTHER = 'other';
const RESTART = 'restart';

/**
 * The summary and the region in one message: pressing one's region is the single confirmation, so a person from a
 * likely region registers with one tap. "Another region" searches by letters; "start again" returns 'restart'.
 */
export async function confirmWithRegion(
  conversation: Convo,
  ctx: ConvoContext,
  deps: PatientBotDeps,
  summary: string,
): Promise<RegionAnswer | 'restart' | undefined> {
  const locale = await ctx.i18n.getLocale();
  const frequent = await conversation.external(() => deps.patients.frequentRegions());
  const offered = likelyRegions(deps.regions, frequent);
  const keyboard = new InlineKeyboard();
  offered.forEach((r, n) => {
    keyboard.text(locale === 'en' ? r.en : r.ru, summaryData.pack({ pick: r.code }));
    if (n % 2 === 1) keyboard.row();
  });
  keyboard.row().text(ctx.t('reg-btn-other-region'), summaryData.pack({ pick: OTHER }));
  keyboard.row().text(ctx.t('reg-btn-restart'), summaryData.pack({ pick: RESTART }));
  await ctx.reply(`${summary}\n\n${ctx.t('reg-region-pick')}`, { reply_markup: keyboard });
  const answer = await conversation.waitForCallbackQuery(summaryData.filter(), { otherwise: (c) => c.reply(c.t('press-button')) });
  await answer.answerCallbackQuery();
  await answer.editMessageReplyMarkup();
  const { pick } = summaryData.unpack(answer.callbackQuery.data);
  if (pick === RESTART) return 'restart';
  const region = offered.find((r) => r.code === pick);
  if (region) return askZone(conversation, ctx, region);
  return askRegion(conversation, ctx, deps.regions);
}
