import { useMemo, useReducer } from 'react';
import type { BookResponse, CentersResponse, ConsultationItem, Mode, SlotsResponse, SlotView, Specialty } from '../../../../api/miniapp/contract';
import { ApiError, invalidate, request, serverNow, useApi } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { haptic } from '../../lib/telegram';
import { useWaitlist, useWaitlistActions } from '../../lib/waitlist';
import { useRouter } from '../../router';
import { useSession } from '../../session';
import { bookableDays } from './days';
import { initialWizardState, wizardReducer, type Step, type WizardAction } from './wizard-state';

/** What the screen shows: a step, or, on the time step, a day that has nothing free but can be waited for. */
export type View = Step | 'full-day';

/**
 * The booking form's state and data: the chosen values (one reducer), the centers, the slots of the two weeks ahead
 * grouped by day, the waitlist, and the transitions (pick, back, submit).
 */
export function useBookingWizard(original: ConsultationItem | undefined, picked?: SlotView) {
  const { t } = useI18n();
  const { patient } = useSession();
  const router = useRouter();
  const tz = patient.timeZone;
  const [state, dispatch] = useReducer(wizardReducer, original, (o) => initialWizardState(o, serverNow(), tz, picked));

  const centers = useApi<CentersResponse>('/centers');
  const { specialty, day, step, span } = state;
  const slots = useApi<SlotsResponse>(specialty ? '/slots' : null, { kind: 'duty', specialty, from: span.from, to: span.to, patientId: patient.id });
  // Moving a consultation offers no waitlist.
  const waitlist = useWaitlist(original ? null : patient.id);
  const waitlistActions = useWaitlistActions(patient.id, waitlist.reload);

  const days = useMemo(
    () => bookableDays({ slots: slots.data?.slots ?? [], fullDays: slots.data?.fullDays ?? [], today: span.today, timeZone: tz, moving: !!original }),
    [slots.data, span.today, tz, original],
  );
  const daySlots = (day && days.free.find(([k]) => k === day)?.[1]) || [];
  const waitingFor = (key: string) => (specialty ? waitlist.data?.waitlist.find((e) => e.specialty === specialty && e.date === key) : undefined);
  // Booking, on a day that has nothing free but can be waited for (opened full, or emptied by bookings meanwhile, or
  // already waited for): the waitlist instead of times.
  const fullDay =
    step === 'time' && !original && !!day && !!specialty && !!slots.data && !slots.loading && daySlots.length === 0 && (days.full.includes(day) || !!waitingFor(day));
  const view: View = fullDay ? 'full-day' : step;

  const index = state.steps.indexOf(step);
  const act = (action: WizardAction) => {
    waitlistActions.clear();
    dispatch(action);
  };
  const pick = (action: Exclude<WizardAction, { type: 'go' }>) => {
    haptic('select');
    act(action);
  };
  const go = (next: Step) => act({ type: 'go', step: next });
  const back = index > 0 ? () => go(state.steps[index - 1]!) : router.back;

  const submit = async () => {
    const { slot, mode, sending } = state;
    if (!slot || sending) return;
    dispatch({ type: 'sending' });
    try {
      // A move cancels the old consultation and books a new one: the answer is the new one, with its own id.
      const res = original
        ? await request<BookResponse>(`/consultations/${original.id}/reschedule`, { method: 'POST', body: { patientId: patient.id, slotId: slot.id } })
        : await request<BookResponse>('/consultations', { method: 'POST', body: { patientId: patient.id, slotId: slot.id, mode } });
      haptic('success');
      invalidate('/consultations');
      invalidate('/slots');
      // A booking on a day the profile waited for ends that wait.
      invalidate('/waitlist');
      router.reset({ name: 'home' }, { name: 'consultation', id: res.consultation.id, notice: original ? 'rescheduled' : 'booked' });
      dispatch({ type: 'sent' });
    } catch (err) {
      haptic('error');
      const e = err instanceof ApiError ? err : new ApiError(0, 'network', String(err));
      if (e.code === 'slot_taken' || e.code === 'booking_too_late') {
        // Someone else was quicker (or the time came too close): say so, and show what is still free.
        slots.reload();
        dispatch({ type: 'slot-lost', notice: e.code === 'slot_taken' ? t('slot-taken') : t('error-code', { code: 'booking_too_late' }) });
      } else dispatch({ type: 'failed', error: e });
    }
  };

  return {
    state,
    view,
    index,
    centers,
    slots,
    days,
    daySlots,
    waitingFor,
    waitlistActions,
    timeZone: tz,
    back,
    go,
    chooseSpecialty: (value: Specialty) => pick({ type: 'specialty', specialty: value }),
    chooseDay: (value: string) => pick({ type: 'day', day: value }),
    chooseSlot: (value: SlotView) => pick({ type: 'slot', slot: value }),
    chooseMode: (value: Mode) => pick({ type: 'mode', mode: value }),
    submit,
  };
}

export type BookingWizard = ReturnType<typeof useBookingWizard>;
