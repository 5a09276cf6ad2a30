import { Composer, InlineKeyboard } from 'grammy';
import type { Application } from '../../../core/applications/repository.js';
import type { StaffContext } from '../context.js';
import { openData } from './callback-data.js';
import { conditionLabel, daysWaiting, OVERDUE_MS, patientAge, shortName } from './labels.js';

/** Lines per list: a queue longer than this is read oldest first anyway, and the message stays well under 4096. */
const SHOWN = 20;
const OPEN_PER_ROW = 3;

function shortState(ctx: StaffContext, app: Application): string {
  switch (app.status) {
    case 'needs_documents':
      return ctx.t('triage-short-waiting-documents');
    case 'submitted':
      return ctx.t('triage-short-documents-added');
    default:
      return ctx.t('triage-short-in-review');
  }
}

/** /queue: the center's applications waiting for a doctor, oldest first and flagged when overdue; then the doctor's own. */
export function queueFeature() {
  const feature = new Composer<StaffContext>();

  feature.command('queue', async (ctx) => {
    const member = ctx.staff!;
    const { applications, applicationRepository, catalog, clock } = ctx.deps;
    const locale = await ctx.i18n.getLocale();
    const now = clock.now();
    const waiting = applications.queue(member);
    const mine = applicationRepository.assignedTo(member.id);
    const patientLine = (app: Application) => {
      const patient = applicationRepository.patientOf(app.id);
      return { name: patient ? shortName(patient.fullName) : '—', age: patient ? patientAge(patient, now) : 0 };
    };

    const lines: string[] = [];
    if (waiting.length === 0) lines.push(ctx.t('triage-queue-empty'));
    else lines.push(ctx.t('triage-queue-header', { count: waiting.length }));
    for (const app of waiting.slice(0, SHOWN)) {
      lines.push(
        ctx.t('triage-queue-line', {
          ...patientLine(app),
          id: String(app.id),
          old: now - app.submittedAt > OVERDUE_MS ? 'yes' : 'no',
          condition: conditionLabel(catalog, app, locale),
          days: daysWaiting(app.submittedAt, now),
        }),
      );
    }
    if (waiting.length > SHOWN) lines.push(ctx.t('triage-queue-more', { count: waiting.length - SHOWN }));
    if (mine.length > 0) {
      lines.push('', ctx.t('triage-mine-header', { count: mine.length }));
      for (const app of mine.slice(0, SHOWN)) {
        const { name } = patientLine(app);
        lines.push(ctx.t('triage-mine-line', { id: String(app.id), name, condition: conditionLabel(catalog, app, locale), state: shortState(ctx, app) }));
      }
    }

    const keyboard = new InlineKeyboard();
    [...waiting.slice(0, SHOWN), ...mine.slice(0, SHOWN)].forEach((app, i) => {
      keyboard.text(ctx.t('triage-btn-open', { id: String(app.id) }), openData.pack({ id: app.id }));
      if (i % OPEN_PER_ROW === OPEN_PER_ROW - 1) keyboard.row();
    });
    const rows = keyboard.inline_keyboard.filter((row) => row.length > 0);
    await ctx.reply(lines.join('\n'), rows.length ? { reply_markup: { inline_keyboard: rows } } : {});
  });

  return feature;
}
