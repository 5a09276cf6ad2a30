import type { DeliveryReport, FailedDelivery } from '../../../core/outbox/report.js';
import { NO_RECIPIENT } from '../../../core/outbox/repository.js';
import type { Translate } from '../../shared/outbox-sender.js';
import { dateIn, timeIn } from '../consultations/format.js';

/** Why a row failed, in words; Telegram's own text only where it is not one of ours (it never carries health data). */
function reason(t: Translate, row: FailedDelivery): string {
  const error = row.lastError ?? '';
  if (error.startsWith('unreachable:')) return t('delivery-reason-blocked');
  if (error.startsWith('expired')) return t('delivery-reason-expired');
  if (error.startsWith('gave up')) return t('delivery-reason-gave-up');
  // A renderer's exception text could quote anything; staff get the kind of fault, the log has the rest.
  if (error.startsWith('render:')) return t('delivery-reason-render');
  if (error.startsWith(NO_RECIPIENT)) return t('delivery-reason-no-recipient');
  return t('delivery-reason-refused', { error: error.slice(0, 120) });
}

/** The /delivery message: counts, then the last day's failures and the blocked patients, by template and chat only. */
export function deliveryView(t: Translate, report: DeliveryReport, timeZone: string): string {
  const lines = [
    t('delivery-title'),
    t('delivery-pending', { count: report.pending, minutes: Math.floor(report.oldestPendingAgeMs / 60_000) }),
    t('delivery-in-doubt', { count: report.inDoubt }),
    t('delivery-failed-day', { count: report.failedLastDay }),
    t('delivery-resent-day', { count: report.resentLastDay }),
    t('delivery-unreachable', { count: report.unreachableCount }),
  ];
  if (report.failed.length > 0) {
    lines.push('', t('delivery-failed-title', { shown: report.failed.length }));
    for (const row of report.failed) {
      lines.push(
        t('delivery-failed-line', {
          date: dateIn(row.failedAt, timeZone).slice(0, 5),
          time: timeIn(row.failedAt, timeZone),
          bot: row.bot,
          template: row.template,
          chat: String(row.chatId),
          reason: reason(t, row),
        }),
      );
    }
  }
  if (report.unreachable.length > 0) {
    lines.push('', t('delivery-unreachable-title', { shown: report.unreachable.length }));
    for (const p of report.unreachable) lines.push(t('delivery-unreachable-line', { chat: String(p.accountId), phone: p.hasPhone ? 'yes' : 'no' }));
  }
  if (report.pending === 0 && report.failedLastDay === 0 && report.unreachableCount === 0) lines.push('', t('delivery-all-well'));
  return lines.join('\n');
}
