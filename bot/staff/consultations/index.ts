import { Composer, InlineKeyboard } from 'grammy';
import type { StaffContext } from '../context.js';
import { consultData, noShowData, unpackId } from './callback-data.js';
import { consultationCard } from './card.js';
import { attempt, attemptAsync, staffErrorText } from './errors.js';
import { dateIn, doctorWhen, parseNumberArgument, timeIn, zoneTag } from './format.js';
import { showToday, showWeek } from './list.js';
import { nameArgs } from '../../../core/patients/declension.js';

/** The consultation, if this doctor may see it; otherwise the refusal has been told and undefined comes back. */
async function consultationFor(ctx: StaffContext, id: number) {
  const found = attempt(() => ctx.deps.scheduling.forStaff(ctx.staff!, id));
  if (found.ok) return found.value;
  await ctx.reply(staffErrorText(ctx, found.error));
  return undefined;
}

/** /command N: the number, or the command's usage. */
function withNumber(handler: (ctx: StaffContext, id: number) => Promise<unknown>) {
  return async (ctx: StaffContext & { match: string }) => {
    const id = parseNumberArgument(ctx.match);
    if (id === undefined) return ctx.reply(ctx.t('cons-usage', { command: ctx.message?.text?.split(/[\s@]/)[0] ?? '/consultation' }));
    await handler(ctx, id);
  };
}

async function showCard(ctx: StaffContext, id: number) {
  const member = ctx.staff!;
  const found = attempt(() => ctx.deps.staffConsultations.view(member, id));
  if (!found.ok) return ctx.reply(staffErrorText(ctx, found.error));
  const c = found.value;
  const card = consultationCard(ctx.deps, ctx.t, await ctx.i18n.getLocale(), c, member);
  await ctx.reply(card.text, card.keyboard ? { reply_markup: card.keyboard } : {});
}

/** The doctor's own link into the room: a moderator's token, valid around the appointment only. */
async function join(ctx: StaffContext, id: number) {
  const member = ctx.staff!;
  const joined = await attemptAsync(() => ctx.deps.staffConsultations.join(member, id));
  if (!joined.ok) return ctx.reply(staffErrorText(ctx, joined.error));
  const { consultation: c, link } = joined.value;
  const locale = await ctx.i18n.getLocale();
  const tz = member.timeZone;
  await ctx.reply(
    ctx.t('cons-join', {
      id: String(c.id),
      patient: c.patientName,
      date: dateIn(c.startsAt, tz),
      time: timeIn(c.startsAt, tz),
      mode: c.mode,
      from: `${dateIn(link.validFrom, tz)} ${timeIn(link.validFrom, tz)}`,
      openBefore: dateIn(link.openBefore, tz) === dateIn(ctx.deps.clock.now(), tz) ? timeIn(link.openBefore, tz) : `${dateIn(link.openBefore, tz)} ${timeIn(link.openBefore, tz)}`,
      // "until 16:00" on the same day, the full date when the window runs past midnight.
      until:
        dateIn(link.validUntil, tz) === dateIn(link.validFrom, tz)
          ? timeIn(link.validUntil, tz)
          : `${dateIn(link.validUntil, tz)} ${timeIn(link.validUntil, tz)}`,
      zone: zoneTag(tz, c.startsAt, locale),
    }),
    // The token travels only in the button: the text can be read over a shoulder or forwarded without it.
    { reply_markup: new InlineKeyboard().url(ctx.t('cons-btn-open-room'), link.url) },
  );
}

/** Asks before recording a no-show: the patient is told, and the application goes back to the doctor. */
async function askNoShow(ctx: StaffContext, id: number) {
  const c = await consultationFor(ctx, id);
  if (!c) return;
  if (c.status !== 'scheduled') return ctx.reply(ctx.t('staff-err-consultation-not-open'));
  if (ctx.deps.clock.now() < c.startsAt) return ctx.reply(ctx.t('staff-err-consultation-not-started'));
  await ctx.reply(
    ctx.t('cons-noshow-confirm', { id: String(c.id), ...nameArgs('patient', c.patientName), ...doctorWhen(c.startsAt, ctx.staff!.timeZone, await ctx.i18n.getLocale()) }),
    {
      reply_markup: new InlineKeyboard()
        .text(ctx.t('cons-btn-noshow-yes'), noShowData.pack({ id: c.id, yes: true }))
        .text(ctx.t('cons-btn-noshow-no'), noShowData.pack({ id: c.id, yes: false })),
    },
  );
}

/** /today, /week, /consultation N, /join N, /noshow N and the buttons of the consultation card. */
export function consultationsFeature() {
  const feature = new Composer<StaffContext>();
  feature.command('today', showToday);
  feature.command('week', showWeek);
  feature.command('consultation', withNumber(showCard));
  feature.command('join', withNumber(join));
  feature.command('noshow', withNumber(askNoShow));

  feature.callbackQuery(consultData.filter({ action: 'join' }), async (ctx) => {
    const data = unpackId(consultData.unpack, ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    if (data) await join(ctx, data.id);
  });
  feature.callbackQuery(consultData.filter({ action: 'noshow' }), async (ctx) => {
    const data = unpackId(consultData.unpack, ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    if (data) await askNoShow(ctx, data.id);
  });

  feature.callbackQuery(noShowData.filter(), async (ctx) => {
    const data = unpackId(noShowData.unpack, ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    if (!data) return;
    if (!data.yes) return ctx.reply(ctx.t('cons-noshow-kept', { id: String(data.id) }));
    const marked = attempt(() => ctx.deps.scheduling.markNoShow(ctx.staff!, data.id));
    if (!marked.ok) return ctx.reply(staffErrorText(ctx, marked.error));
    const c = marked.value;
    await ctx.reply(
      c.applicationId === null
        ? ctx.t('cons-noshow-done', { id: String(c.id), ...nameArgs('patient', c.patientName) })
        : ctx.t('cons-noshow-done-application', { id: String(c.id), ...nameArgs('patient', c.patientName), application: String(c.applicationId) }),
    );
  });

  return feature;
}
