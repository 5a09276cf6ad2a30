import { Choice, ErrorView, Icon, Loading, Notice } from '../../components/ui';
import { useI18n } from '../../lib/i18n';
import type { BookingWizard } from './use-booking-wizard';

/** The days with free times, then (booking only) the fully booked days, each opening the waitlist. */
export function DayStep({ wizard }: { wizard: BookingWizard }) {
  const { t, calendarDay } = useI18n();
  const { slots, days, waitingFor, chooseDay } = wizard;
  if (slots.error && !slots.data) return <ErrorView error={slots.error} retry={slots.reload} />;
  if (!slots.data || slots.loading) return <Loading />;
  const mark = (key: string) => waitingFor(key) && <Icon text="🔔" label={t('waitlist-mark')} />;
  return (
    <>
      {days.free.length === 0 ? (
        <Notice>{days.full.length === 0 ? t('no-slots') : t('no-slots-waitlist')}</Notice>
      ) : (
        <div className="list">
          {days.free.map(([key, list]) => (
            <Choice key={key} title={calendarDay(key)} detail={t('free-times', { count: list.length })} badge={mark(key)} onClick={() => chooseDay(key)} />
          ))}
        </div>
      )}
      {days.full.length > 0 && (
        <section className="section full-days">
          <h3 className="group-title">{t('full-days-title')}</h3>
          <p className="hint">{t('full-days-hint')}</p>
          <div className="list">
            {days.full.map((key) => (
              <Choice key={key} title={calendarDay(key)} detail={waitingFor(key) ? undefined : t('day-full')} muted badge={mark(key)} onClick={() => chooseDay(key)} />
            ))}
          </div>
        </section>
      )}
      {days.daysOff && <p className="hint">{t('days-off')}</p>}
    </>
  );
}
