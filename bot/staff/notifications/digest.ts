import { DIGEST, DOCTOR_DIGEST_TEMPLATE } from '../../../core/jobs/rules.js';
import { addDays, zonedToUtc } from '../../../core/time.js';
import { formatDate } from '../../shared/format.js';
import type { Rendered } from '../../shared/outbox-sender.js';
import type { Renderers } from '../../shared/renderers.js';
import { consultationLine } from '../consultations/card.js';
import { dayParts, zoneTag } from '../consultations/format.js';
import type { StaffBotDeps } from '../deps.js';

// Telegram's limit is 4096 characters; the list stays one message, and a day too long for it points to /today.
const MESSAGE_LIMIT = 3800;

const skip = (reason: string): Rendered => ({ kind: 'skip', reason });

/**
 * The morning list: the day's consultations still planned, in the doctor's own zone, line by line as /today shows
 * them. Read when it goes out, so a consultation cancelled overnight is not on it; an empty day sends nothing.
 */
export function digestRenderers(deps: Pick<StaffBotDeps, 'clock' | 'staff' | 'scheduling'>): Renderers<typeof DOCTOR_DIGEST_TEMPLATE> {
  return {
    [DOCTOR_DIGEST_TEMPLATE]: (row, t, locale) => {
      const { date, moscowDate } = row.params;
      const member = deps.staff.byTelegramId(row.chatId);
      if (!member) return skip('recipient is no longer active staff');
      const now = deps.clock.now();
      if (now >= zonedToUtc(moscowDate, DIGEST.staleAt, DIGEST.timeZone)) return skip('the day is too far gone for its list');
      const tz = member.timeZone;
      const list = deps.scheduling
        .ofStaff(member, zonedToUtc(date, '00:00', tz), zonedToUtc(addDays(date, 1), '00:00', tz))
        .filter((c) => c.status === 'scheduled');
      if (list.length === 0) return skip('nothing planned that day any more');

      const head = [
        t('rem-digest-greeting', { count: list.length }),
        t('cons-today-title', { weekday: dayParts(date).weekday, date: formatDate(date), zone: zoneTag(tz, now, locale) }),
        '',
      ];
      const tail = ['', t('cons-list-hint')];
      const lines = list.map((c) => consultationLine(t, c, tz));
      let shown = lines.length;
      const length = (n: number) => [...head, ...lines.slice(0, n), ...tail].join('\n').length;
      // Room for the "and N more" line too, when some do not fit.
      while (shown > 0 && length(shown) + (shown < lines.length ? 80 : 0) > MESSAGE_LIMIT) shown--;
      const body = lines.slice(0, shown);
      if (shown < lines.length) body.push(t('rem-digest-more', { count: lines.length - shown }));
      return { kind: 'message', text: [...head, ...body, ...tail].join('\n') };
    },
  };
}
