import { ErrorView, Loading, Notice } from '../../components/ui';
import { useI18n } from '../../lib/i18n';
import { ZoneNote } from './zone-note';
import type { BookingWizard } from './use-booking-wizard';

/** The free times of the chosen day, each with its doctor, in the patient's zone. */
export function TimeStep({ wizard }: { wizard: BookingWizard }) {
  const { t, time, calendarDay } = useI18n();
  const { slots, daySlots, timeZone, chooseSlot } = wizard;
  const { day } = wizard.state;
  return (
    <>
      {day && <p className="lead">{calendarDay(day)}</p>}
      <ZoneNote timeZone={timeZone} />
      {slots.error && !slots.data ? (
        <ErrorView error={slots.error} retry={slots.reload} />
      ) : !slots.data || slots.loading ? (
        <Loading />
      ) : daySlots.length === 0 ? (
        <Notice>{t('no-slots-day')}</Notice>
      ) : (
        <div className="times">
          {daySlots.map((s) => (
            <button key={s.id} type="button" className="time" onClick={() => chooseSlot(s)}>
              <span className="time-value">{time(s.startsAt, timeZone)}</span>
              <span className="time-doctor">{s.doctor.name}</span>
            </button>
          ))}
        </div>
      )}
    </>
  );
}
