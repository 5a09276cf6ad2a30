import type { Conversation } from '@grammyjs/conversations';
import { InlineKeyboard, Keyboard } from 'grammy';
import type { Region } from '../../../core/catalog/regions.js';
import { searchRegions } from '../../../core/catalog/regions.js';
import { parseBirthDate, todayIn } from '../../../core/patients/birth-date.js';
import { normalizeFullName } from '../../../core/patients/full-name.js';
import { normalizePhone } from '../../../core/patients/phone.js';
import type { Relation } from '../../../core/patients/repository.js';
import { clockNow } from '../../shared/conversation-clock.js';
import { domainErrorText, tryParse } from '../../shared/domain-error-text.js';
import type { ConvoContext, PatientContext } from '../context.js';
import { regionData, relationData, zoneData } from './callback-data.js';

export type Convo = Conversation<PatientContext, ConvoContext>;

// Russia's easternmost zone: a date that is today anywhere in the country is not "in the future".
const EASTERNMOST_ZONE = 'Asia/Kamchatka';
// Each pass waits for one more update that the conversation replays; the bound keeps replays short.
const MAX_REGION_SEARCHES = 12;

const removeKeyboard = { remove_keyboard: true } as const;

function isCommand(text: string): boolean {
  return text.startsWith('/');
}

/** Waits for a text that `parse` accepts; every other message gets the parser's own explanation. */
async function askText<T>(conversation: Convo, parse: (text: string) => T): Promise<T> {
  const answer = await conversation.waitUntil(
    (c) => {
      const text = c.message?.text;
      return text !== undefined && !isCommand(text) && tryParse(() => parse(text)).ok;
    },
    {
      otherwise: async (c) => {
        if (c.callbackQuery) return c.answerCallbackQuery({ text: c.t('expect-text') });
        const text = c.message?.text;
        if (text === undefined) return c.reply(c.t('expect-text'));
        const result = tryParse(() => parse(text));
        if (!result.ok) return c.reply(domainErrorText(c, result.error));
      },
    },
  );
  return parse(answer.message!.text!);
}

export async function askRelation(conversation: Convo, ctx: ConvoContext, allowed: Relation[]): Promise<Relation> {
  const keyboard = new InlineKeyboard();
  for (const relation of allowed) keyboard.text(ctx.t(`rel-${relation}`), relationData.pack({ relation })).row();
  await ctx.reply(ctx.t('reg-relation-ask'), { reply_markup: keyboard });
  // Only a relation offered here: a forged one would otherwise end the whole form.
  const offered = (data: string | undefined) => {
    const relation = relationData.parse(data)?.relation as Relation | undefined;
    return relation && allowed.includes(relation) ? relation : undefined;
  };
  const answer = await conversation.waitUntil((c) => offered(c.callbackQuery?.data) !== undefined, {
    otherwise: (c) => c.reply(c.t('press-button')),
  });
  await answer.answerCallbackQuery();
  await answer.editMessageReplyMarkup();
  return offered(answer.callbackQuery?.data)!;
}

export async function askFullName(conversation: Convo, ctx: ConvoContext, relation: Relation): Promise<string> {
  await ctx.reply(ctx.t('reg-name-ask', { relation }), { reply_markup: removeKeyboard });
  return askText(conversation, normalizeFullName);
}

/** A birth date typed as registration takes it (YYYY-MM-DD); anything else gets the parser's explanation and is asked again. */
export async function waitBirthDate(conversation: Convo): Promise<string> {
  const now = await clockNow(conversation);
  return askText(conversation, (text) => parseBirthDate(text, todayIn(EASTERNMOST_ZONE, now)));
}

export async function askBirthDate(conversation: Convo, ctx: ConvoContext): Promise<string> {
  await ctx.reply(ctx.t('reg-birth-ask'), { reply_markup: removeKeyboard });
  return waitBirthDate(conversation);
}

export interface PhoneAnswer {
  phone: string;
  verified: boolean;
}

export async function askPhone(conversation: Convo, ctx: ConvoContext): Promise<PhoneAnswer> {
  const keyboard = new Keyboard().requestContact(ctx.t('btn-share-contact')).resized().oneTime();
  await ctx.reply(ctx.t('reg-phone-ask'), { reply_markup: keyboard });
  const answer = await conversation.waitUntil(
    (c) => {
      const contact = c.message?.contact;
      if (contact) return contact.user_id === c.from?.id && tryParse(() => normalizePhone(contact.phone_number)).ok;
      const text = c.message?.text;
      return text !== undefined && !isCommand(text) && tryParse(() => normalizePhone(text)).ok;
    },
    {
      otherwise: (c) => {
        // Telegram fills user_id only when the contact is a Telegram user; the button always sends the sender's own.
        if (c.message?.contact) return c.reply(c.t(c.message.contact.user_id === c.from?.id ? 'phone-invalid' : 'phone-not-own'));
        if (c.message?.text !== undefined) return c.reply(c.t('phone-invalid'));
        return c.reply(c.t('expect-text'));
      },
    },
  );
  const contact = answer.message?.contact;
  if (contact) {
    await answer.reply('✅', { reply_markup: removeKeyboard });
    return { phone: normalizePhone(contact.phone_number), verified: true };
  }
  await answer.reply(answer.t('phone-unverified-note'), { reply_markup: removeKeyboard });
  return { phone: normalizePhone(answer.message!.text!), verified: false };
}

export interface RegionAnswer {
  regionCode: string;
  timeZone: string;
}

export async function askRegion(conversation: Convo, ctx: ConvoContext, regions: Region[]): Promise<RegionAnswer | undefined> {
  const locale = await ctx.i18n.getLocale();
  const hasMatches = (text: string | undefined) => text !== undefined && !isCommand(text) && searchRegions(regions, text).length > 0;
  const noMatch = (c: ConvoContext) =>
    c.callbackQuery ? c.answerCallbackQuery({ text: c.t('region-none') }) : c.reply(c.t(c.message?.text === undefined ? 'expect-text' : 'region-none'));

  await ctx.reply(ctx.t('reg-region-ask'), { reply_markup: removeKeyboard });
  let query = (await conversation.waitUntil((c) => hasMatches(c.message?.text), { otherwise: noMatch })).message!.text!;
  let region: Region | undefined;
  for (let i = 0; i < MAX_REGION_SEARCHES && !region; i++) {
    const keyboard = new InlineKeyboard();
    searchRegions(regions, query).forEach((r, n) => {
      keyboard.text(locale === 'en' ? r.en : r.ru, regionData.pack({ code: r.code }));
      if (n % 2 === 1) keyboard.row();
    });
    await ctx.reply(ctx.t('region-results'), { reply_markup: keyboard });
    const next = await conversation.waitUntil(
      (c) => (c.callbackQuery?.data !== undefined && regionData.filter().test(c.callbackQuery.data)) || hasMatches(c.message?.text),
      { otherwise: noMatch },
    );
    if (next.callbackQuery) {
      const { code } = regionData.unpack(next.callbackQuery.data!);
      region = regions.find((r) => r.code === code);
      await next.answerCallbackQuery();
      await next.editMessageReplyMarkup();
    } else {
      query = next.message!.text!;
    }
  }
  if (!region) {
    await ctx.reply(ctx.t('region-too-many-tries'));
    return undefined;
  }
  return askZone(conversation, ctx, region);
}

/** The region's time zone: the only one, or the one the person picks where the region spans several. */
export async function askZone(conversation: Convo, ctx: ConvoContext, region: Region): Promise<RegionAnswer> {
  const locale = await ctx.i18n.getLocale();
  const zones = region.timeZones;
  if (zones.length === 1) return { regionCode: region.code, timeZone: zones[0]!.tz };
  const keyboard = new InlineKeyboard();
  zones.forEach((z, index) => keyboard.text(locale === 'en' ? z.en : z.ru, zoneData.pack({ index })).row());
  await ctx.reply(ctx.t('region-zone-ask'), { reply_markup: keyboard });
  const picked = await conversation.waitForCallbackQuery(zoneData.filter(), { otherwise: (c) => c.reply(c.t('press-button')) });
  await picked.answerCallbackQuery();
  await picked.editMessageReplyMarkup();
  const zone = zones[zoneData.unpack(picked.callbackQuery.data).index] ?? zones[0]!;
  return { regionCode: region.code, timeZone: zone.tz };
}
