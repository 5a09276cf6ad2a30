import { Composer, InputFile } from 'grammy';
import { staffActor } from '../../../core/actor.js';
import { DomainError } from '../../../core/errors.js';
import { reportScope } from '../../../core/reports/access.js';
import { parsePeriod, presetPeriod, REPORT_TIME_ZONE, type Preset, type ReportPeriod } from '../../../core/reports/period.js';
import { buildReport } from '../../../core/reports/report.js';
import { reportWorkbook } from '../../../core/reports/xlsx.js';
import type { StaffContext } from '../context.js';
import { parsePreset, parseXlsx, presetData, xlsxData } from './callback-data.js';
import { periodWords, reportFileName, reportLabels } from './labels.js';
import { statsView } from './view.js';

const scopeOf = (ctx: StaffContext) => reportScope(staffActor(ctx.staff!));

// Reading aggregates is not access to a patient's data, so nothing here is audited; the figures carry no names.

async function render(ctx: StaffContext, period: ReportPeriod, chosen?: Preset) {
  const scope = scopeOf(ctx)!;
  const report = buildReport(ctx.deps, period, scope);
  return statsView(ctx.t, await ctx.i18n.getLocale(), ctx.deps.catalog, report, { ...(chosen ? { chosen } : {}), ...(scope.centers ? { ownCenter: scope.centers[0]! } : {}) });
}

/**
 * /stats: for managers and admins every center's figures, for a center's doctor their own; this month first, buttons for
 * other periods, and the same figures as an XLSX file. The role is checked again on every press.
 */
export function statsFeature() {
  const feature = new Composer<StaffContext>();

  feature.command('stats', async (ctx) => {
    if (!scopeOf(ctx)) return ctx.reply(ctx.t('stats-not-allowed'));
    const v = await render(ctx, presetPeriod('month', ctx.deps.clock.now(), REPORT_TIME_ZONE), 'month');
    await ctx.reply(v.text, { reply_markup: v.markup });
  });

  feature.callbackQuery(presetData.filter(), async (ctx) => {
    const preset = parsePreset(ctx.callbackQuery.data);
    if (!preset) return ctx.answerCallbackQuery({ text: ctx.t('staff-unknown-action') });
    if (!scopeOf(ctx)) return ctx.answerCallbackQuery({ text: ctx.t('stats-not-allowed'), show_alert: true });
    const v = await render(ctx, presetPeriod(preset, ctx.deps.clock.now(), REPORT_TIME_ZONE), preset);
    await ctx.answerCallbackQuery();
    // The period already shown, pressed again: Telegram's "message is not modified" is tolerated by the stack.
    await ctx.editMessageText(v.text, { reply_markup: v.markup });
  });

  feature.callbackQuery(xlsxData.filter(), async (ctx) => {
    const days = parseXlsx(ctx.callbackQuery.data);
    let period: ReportPeriod | undefined;
    try {
      period = days && parsePeriod({ ...days, timeZone: REPORT_TIME_ZONE });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
    }
    if (!period) return ctx.answerCallbackQuery({ text: ctx.t('staff-unknown-action') });
    const scope = scopeOf(ctx);
    if (!scope) return ctx.answerCallbackQuery({ text: ctx.t('stats-not-allowed'), show_alert: true });
    await ctx.answerCallbackQuery();
    const locale = await ctx.i18n.getLocale();
    const report = buildReport(ctx.deps, period, scope);
    const labels = reportLabels(ctx.t, locale, ctx.deps.catalog, { period, generatedAt: report.generatedAt, ...(scope.centers ? { centers: scope.centers } : {}) });
    const bytes = await reportWorkbook(report, labels);
    await ctx.replyWithDocument(new InputFile(bytes, reportFileName(period)), { caption: ctx.t('stats-xlsx-caption', periodWords(period, locale)) });
  });

  return feature;
}
