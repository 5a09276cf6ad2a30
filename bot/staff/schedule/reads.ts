import type { Conversation } from '@grammyjs/conversations';
import { findCondition } from '../../../core/applications/requirements.js';
import { DomainError } from '../../../core/errors.js';
import { CONSULTATION_MINUTES, MIN_NOTICE_MINUTES, SCHEDULE_DAYS_AHEAD, type ConsultationView } from '../../../core/scheduling/service.js';
import { attempt, refusal, type Refusal } from '../consultations/errors.js';
import type { StaffContext, StaffConvoContext } from '../context.js';
import type { StaffBotDeps } from '../deps.js';
import type { Mode } from './callback-data.js';
import type { CalendarDay } from './keyboards.js';

/**
 * Everything the scheduling conversation reads or writes, each through conversation.external (run once, replayed
 * from the log). The doctor is looked up afresh every time: a deactivated one gets nothing.
 */
export function scheduleReads(conversation: Conversation<StaffContext, StaffConvoContext>, deps: StaffBotDeps, telegramId: number, applicationId: number) {
  const doctor = () => deps.staff.byTelegramId(telegramId);
  return {
    /** The doctor's zone and the application's condition; or why the doctor may not see it. */
    start: (locale: string) =>
      conversation.external(() => {
        const member = doctor();
        if (!member) return undefined;
        const found = attempt(() => deps.applications.forDoctor(member, applicationId));
        if (!found.ok) return { ok: false as const, refused: refusal(found.error) };
        const condition = findCondition(deps.catalog, found.value.centerCode, found.value.conditionCode);
        return { ok: true as const, timeZone: member.timeZone, condition: locale === 'en' ? condition.en : condition.ru };
      }),

    /** The doctor's bookable days with how many start times each still has. */
    days: () =>
      conversation.external(() => {
        const member = doctor();
        const days: CalendarDay[] = member ? deps.scheduling.scheduleDays(member).map((day) => ({ day, free: deps.scheduling.freeTimes(member, day).length })) : [];
        return { now: deps.clock.now(), days };
      }),

    freeTimes: (day: string) =>
      conversation.external(() => {
        const member = doctor();
        return member ? deps.scheduling.freeTimes(member, day) : [];
      }),

    /** What the core would refuse about this time now, to say so before asking video or audio; booking checks again. */
    precheck: (at: number) =>
      conversation.external((): Refusal | null => {
        const member = doctor();
        if (!member) return null;
        const now = deps.clock.now();
        if (at < now + MIN_NOTICE_MINUTES * 60_000) return { code: 'time_in_past', details: {} };
        if (at > now + SCHEDULE_DAYS_AHEAD * 86_400_000) return { code: 'time_too_far', details: {} };
        const busy = deps.scheduling.ofStaff(member, at, at + CONSULTATION_MINUTES * 60_000).some((c) => c.status === 'scheduled');
        return busy ? { code: 'time_taken', details: {} } : null;
      }),

    /** Books it. A free application is taken first: booking is the doctor's commitment (of two doctors, one wins). */
    book: (at: number, mode: Mode) =>
      conversation.external((): { ok: true; consultation: ConsultationView } | { ok: false; refused: Refusal } | undefined => {
        const member = doctor();
        if (!member) return undefined;
        const result = attempt(() => {
          const app = deps.applicationRepository.byId(applicationId);
          if (app && app.assignedStaffId === null && app.status === 'submitted' && !deps.applications.take(member, applicationId).ok) {
            throw new DomainError('application_not_yours');
          }
          return deps.scheduling.scheduleApplication(member, applicationId, at, mode);
        });
        return result.ok ? { ok: true, consultation: result.value } : { ok: false, refused: refusal(result.error) };
      }),
  };
}
