import { heldDuration } from '../../../core/room/index.js';
import type { ConsultationView } from '../../../core/scheduling/service.js';
import type { StaffMember } from '../../../core/staff/repository.js';
import { addDays, zonedParts, zonedToUtc } from '../../../core/time.js';
import type { StaffContext } from '../context.js';
import { consultationLine } from './card.js';
import { formatDate } from '../../shared/format.js';
import { dateIn, dayParts, zoneTag } from './format.js';

// Telegram's limit is 4096 characters; a busy week is split into several messages below it.
const MESSAGE_LIMIT = 3800;

/** Lines joined into as few messages as fit, never splitting a line. */
export function chunk(lines: string[], limit = MESSAGE_LIMIT): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + 1 + line.length > limit) {
      out.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  if (current) out.push(current);
  return out;
}

/** The line of a consultation in a list, with the real length of its call. */
const lineOf = (ctx: StaffContext, c: ConsultationView, timeZone: string) =>
  consultationLine(ctx.t, c, timeZone, heldDuration(ctx.deps.room.attendance(c.id), ctx.deps.clock.now()));

/** The doctor's consultations over `days` calendar days of their own zone, starting today. */
function consultationsOf(ctx: StaffContext, member: StaffMember, days: number): { today: string; list: ConsultationView[] } {
  const today = zonedParts(ctx.deps.clock.now(), member.timeZone).date;
  const from = zonedToUtc(today, '00:00', member.timeZone);
  const to = zonedToUtc(addDays(today, days), '00:00', member.timeZone);
  return { today, list: ctx.deps.scheduling.ofStaff(member, from, to) };
}

/** /today: one day, in the doctor's zone. */
export async function showToday(ctx: StaffContext): Promise<void> {
  const member = ctx.staff!;
  const locale = await ctx.i18n.getLocale();
  const now = ctx.deps.clock.now();
  const { today, list } = consultationsOf(ctx, member, 1);
  const zone = zoneTag(member.timeZone, now, locale);
  const title = ctx.t('cons-today-title', { weekday: dayParts(today).weekday, date: formatDate(today), zone });
  if (list.length === 0) {
    await ctx.reply(`${title}\n${ctx.t('cons-none-today')}`);
    return;
  }
  const lines = [title, '', ...list.map((c) => lineOf(ctx, c, member.timeZone)), '', ctx.t('cons-list-hint')];
  for (const text of chunk(lines)) await ctx.reply(text);
}

/** /week: today and the six days after it, grouped by day. */
export async function showWeek(ctx: StaffContext): Promise<void> {
  const member = ctx.staff!;
  const locale = await ctx.i18n.getLocale();
  const now = ctx.deps.clock.now();
  const { today, list } = consultationsOf(ctx, member, 7);
  const title = ctx.t('cons-week-title', { from: dateIn(now, member.timeZone), zone: zoneTag(member.timeZone, now, locale) });
  if (list.length === 0) {
    await ctx.reply(`${title}\n${ctx.t('cons-none-week')}`);
    return;
  }
  const lines = [title];
  let day = '';
  for (const c of list) {
    const date = zonedParts(c.startsAt, member.timeZone).date;
    if (date !== day) {
      day = date;
      lines.push('', ctx.t(date === today ? 'cons-day-today' : 'cons-day', dayParts(date)));
    }
    lines.push(lineOf(ctx, c, member.timeZone));
  }
  lines.push('', ctx.t('cons-list-hint'));
  for (const text of chunk(lines)) await ctx.reply(text);
}
