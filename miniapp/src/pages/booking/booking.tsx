import { useEffect } from 'react';
import type { ConsultationItem, ConsultationsResponse, SlotView } from '../../../../api/miniapp/contract';
import { Page } from '../../components/page';
import { ErrorView, Loading, Notice } from '../../components/ui';
import { useApi } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { setClosingConfirmation } from '../../lib/telegram';
import type { RouteOf } from '../../router';
import { useSession } from '../../session';
import { ConfirmStep } from './confirm-step';
import { DayStep } from './day-step';
import { FullDayStep } from './full-day-step';
import { ModeStep } from './mode-step';
import { SpecialtyStep } from './specialty-step';
import { TimeStep } from './time-step';
import { useBookingWizard, type View } from './use-booking-wizard';

/**
 * Booking a duty doctor (specialty → day → time → video or audio → confirm on MainButton), and moving a booked
 * consultation (day → time → confirm). Times are shown in the patient's own zone. A time taken by someone else
 * meanwhile (409 slot_taken) is said plainly and the list is fetched afresh.
 *
 * Booking lists the days with free times first, then, under their own heading, the days whose times are all booked
 * (the server's fullDays: only there can a cancellation free a time). A day no duty doctor works is not offered; one
 * quiet line says so. Opened, a full day says so and offers the waitlist — "tell me when a time frees up" — or, once
 * asked, says the bot will write and offers to take it back. Moving lists only days with free times.
 */
export default function Booking({ route }: { route: RouteOf<'book'> | RouteOf<'reschedule'> }) {
  const { t } = useI18n();
  const { patient } = useSession();
  const moving = route.name === 'reschedule' ? route.id : undefined;
  const list = useApi<ConsultationsResponse>(moving === undefined ? null : '/consultations', { patientId: patient.id });
  const original = moving === undefined ? undefined : list.data?.upcoming.find((c) => c.id === moving);
  const title = moving === undefined ? t('book-title') : t('reschedule-title');

  if (moving !== undefined && !original) {
    return (
      <Page title={title}>
        {list.error ? <ErrorView error={list.error} retry={list.reload} /> : list.data ? <Notice kind="error">{t('error-generic')}</Notice> : <Loading />}
      </Page>
    );
  }
  return <BookingFlow title={title} original={original} picked={route.name === 'book' ? route.slot : undefined} />;
}

function BookingFlow({ title, original, picked }: { title: string; original: ConsultationItem | undefined; picked: SlotView | undefined }) {
  const { t } = useI18n();
  const wizard = useBookingWizard(original, picked);
  const { state, view, index } = wizard;
  // While the patient is making the booking, closing the app asks first; leaving the screen (booked, or Back) ends it.
  useEffect(() => {
    setClosingConfirmation(true);
    return () => setClosingConfirmation(false);
  }, []);
  const titles: Record<View, string> = { specialty: t('step-specialty'), day: t('step-day'), time: t('step-time'), mode: t('step-mode'), confirm: t('step-confirm'), 'full-day': t('day-full-title') };

  return (
    <Page title={title} back={wizard.back}>
      <p className="progress" aria-label={`${index + 1} / ${state.steps.length}`}>
        {state.steps.map((s, i) => (
          <span key={s} className={i <= index ? 'progress-done' : ''} />
        ))}
      </p>
      <h2 className="step-title">{titles[view]}</h2>
      {state.notice && <Notice kind="warning">{state.notice}</Notice>}
      {view === 'specialty' && <SpecialtyStep centers={wizard.centers} choose={wizard.chooseSpecialty} />}
      {view === 'day' && <DayStep wizard={wizard} />}
      {view === 'full-day' && state.day && state.specialty && (
        <FullDayStep day={state.day} specialty={state.specialty} listed={wizard.waitingFor(state.day)} actions={wizard.waitlistActions} otherDay={() => wizard.go('day')} />
      )}
      {view === 'time' && <TimeStep wizard={wizard} />}
      {view === 'mode' && <ModeStep choose={wizard.chooseMode} />}
      {view === 'confirm' && state.slot && state.mode && (
        <ConfirmStep slot={state.slot} mode={state.mode} timeZone={wizard.timeZone} moving={!!original} sending={state.sending} error={state.error} submit={wizard.submit} />
      )}
    </Page>
  );
}
