import { groupSlots, SlotGrid } from '../../components/slot-grid';
import { ErrorView, Loading, Notice } from '../../components/ui';
import { useI18n } from '../../lib/i18n';
import { ZoneNote } from '../../components/zone-note';
import type { BookingWizard } from './use-booking-wizard';

/** The free times of the chosen day in the patient's zone, under each doctor's name once. */
export function TimeStep({ wizard }: { wizard: BookingWizard }) {
  const { t, calendarDay } = useI18n();
  const { slots, daySlots, timeZone, chooseSlot } = wizard;
  const { day } = wizard.state;
  return (
    <>
      {day && <p className="lead">{calendarDay(day)}</p>}
      <ZoneNote />
      {slots.error && !slots.data ? (
        <ErrorView error={slots.error} retry={slots.reload} />
      ) : !slots.data || slots.loading ? (
        <Loading />
      ) : daySlots.length === 0 ? (
        <Notice>{t('no-slots-day')}</Notice>
      ) : (
        <SlotGrid groups={groupSlots(daySlots, (s) => String(s.doctor.id), (s) => s.doctor.name)} timeZone={timeZone} choose={chooseSlot} />
      )}
    </>
  );
}
