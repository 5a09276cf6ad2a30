import { useMemo, useState } from 'react';
import type { BookResponse, CentersResponse, ConsultationItem, ConsultationsResponse, Mode, SlotsResponse, SlotView, Specialty } from '../../../api/miniapp/contract';
import { MainAction } from '../components/main-action';
import { Page } from '../components/page';
import { Choice, ErrorView, Icon, Loading, Notice } from '../components/ui';
import { ApiError, invalidate, request, useApi } from '../lib/api';
import { dateKey, useI18n } from '../lib/i18n';
import { plural } from '../lib/messages';
import { haptic } from '../lib/telegram';
import { useRouter, type RouteOf } from '../router';
import { useSession } from '../session';

type Step = 'specialty' | 'day' | 'time' | 'mode' | 'confirm';
const DAYS_AHEAD = 14;

/**
 * Booking a duty doctor (specialty → day → time → video or audio → confirm on MainButton), and moving a booked
 * consultation (day → time → confirm). Times are shown in the patient's own zone. A time taken by someone else
 * meanwhile (409 slot_taken) is said plainly and the list is fetched afresh.
 */
export default function Booking({ route }: { route: RouteOf<'book'> | RouteOf<'reschedule'> }) {
  const { t } = useI18n();
  const { patient } = useSession();
  const moving = route.name === 'reschedule' ? route.id : undefined;
  const list = useApi<ConsultationsResponse>(moving === undefined ? null : '/consultations', { patientId: patient.id });
  const original = moving === undefined ? undefined : list.data?.upcoming.find((c) => c.id === moving);
  const title = moving === undefined ? t.bookTitle : t.rescheduleTitle;

  if (moving !== undefined && !original) {
    return (
      <Page title={title}>
        {list.error ? <ErrorView error={list.error} retry={list.reload} /> : list.data ? <Notice kind="error">{t.errorGeneric}</Notice> : <Loading />}
      </Page>
    );
  }
  return <BookingFlow title={title} original={original} />;
}

function BookingFlow({ title, original }: { title: string; original: ConsultationItem | undefined }) {
  const { t, locale, day: dayLabel, time, zoneName } = useI18n();
  const { me, patient } = useSession();
  const router = useRouter();
  const fixedSpecialty = original?.specialty;
  const [step, setStep] = useState<Step>(original ? (fixedSpecialty ? 'day' : 'specialty') : 'specialty');
  const [specialty, setSpecialty] = useState<Specialty | undefined>(fixedSpecialty);
  const [day, setDay] = useState<string>();
  const [slot, setSlot] = useState<SlotView>();
  const [mode, setMode] = useState<Mode | undefined>(original?.mode);
  const [notice, setNotice] = useState<string>();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [range] = useState(() => {
    const from = new Date();
    return { from: from.toISOString(), to: new Date(from.getTime() + DAYS_AHEAD * 86_400_000).toISOString() };
  });

  const centers = useApi<CentersResponse>('/centers');
  const slots = useApi<SlotsResponse>(specialty ? '/slots' : null, { kind: 'duty', specialty, from: range.from, to: range.to, patientId: patient.id });

  const tz = patient.timeZone;
  const days = useMemo(() => {
    const byDay = new Map<string, SlotView[]>();
    for (const s of slots.data?.slots ?? []) {
      const key = dateKey(s.startsAt, tz);
      byDay.set(key, [...(byDay.get(key) ?? []), s]);
    }
    return [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [slots.data, tz]);
  const daySlots = (day && days.find(([k]) => k === day)?.[1]) || [];

  const steps: Step[] = original ? ['day', 'time', 'confirm'] : ['specialty', 'day', 'time', 'mode', 'confirm'];
  if (original && !fixedSpecialty) steps.unshift('specialty');
  const index = steps.indexOf(step);
  const go = (next: Step) => {
    setNotice(undefined);
    setError(undefined);
    setStep(next);
  };
  const back = index > 0 ? () => go(steps[index - 1]!) : router.back;
  const pick = <T,>(set: (v: T) => void, value: T, next: Step) => {
    haptic('select');
    set(value);
    go(next);
  };

  const submit = async () => {
    if (!slot || sending) return;
    setSending(true);
    setError(undefined);
    try {
      // A move cancels the old consultation and books a new one: the answer is the new one, with its own id.
      const res = original
        ? await request<BookResponse>(`/consultations/${original.id}/reschedule`, { method: 'POST', body: { patientId: patient.id, slotId: slot.id } })
        : await request<BookResponse>('/consultations', { method: 'POST', body: { patientId: patient.id, slotId: slot.id, mode } });
      haptic('success');
      invalidate('/consultations');
      invalidate('/slots');
      router.reset({ name: 'home' }, { name: 'consultation', id: res.consultation.id, notice: original ? 'rescheduled' : 'booked' });
    } catch (err) {
      haptic('error');
      const e = err instanceof ApiError ? err : new ApiError(0, 'network', String(err));
      if (e.code === 'slot_taken' || e.code === 'booking_too_late') {
        // Someone else was quicker (or the time came too close): say so, and show what is still free.
        setSlot(undefined);
        slots.reload();
        setStep('time');
        setNotice(e.code === 'slot_taken' ? t.slotTaken : t.errorCodes.booking_too_late);
      } else setError(e);
    } finally {
      setSending(false);
    }
  };

  const stepTitle = { specialty: t.stepSpecialty, day: t.stepDay, time: t.stepTime, mode: t.stepMode, confirm: t.stepConfirm }[step];
  const zoneNote = <p className="hint">{t.zoneNote({ zone: zoneName(tz) })}</p>;
  const speed = (kbps: number) => (kbps >= 1000 ? t.mbps({ value: String(kbps / 1000) }) : t.kbps({ value: String(kbps) }));

  return (
    <Page title={title} back={back}>
      <p className="progress" aria-label={`${index + 1} / ${steps.length}`}>
        {steps.map((s, i) => (
          <span key={s} className={i <= index ? 'progress-done' : ''} />
        ))}
      </p>
      <h2 className="step-title">{stepTitle}</h2>
      {notice && <Notice kind="warning">{notice}</Notice>}

      {step === 'specialty' &&
        (centers.error && !centers.data ? (
          <ErrorView error={centers.error} retry={centers.reload} />
        ) : !centers.data ? (
          <Loading />
        ) : (
          <>
            {sameTopics(centers.data) && <p className="hint">{t.dutyTopics({ topics: centers.data.specialties[0]!.topics })}</p>}
            <div className="list">
              {centers.data.specialties.map((s) => (
                <Choice key={s.code} title={s.name} detail={sameTopics(centers.data!) ? undefined : s.topics} onClick={() => pick(setSpecialty, s.code, 'day')} />
              ))}
            </div>
          </>
        ))}

      {step === 'day' &&
        (slots.error && !slots.data ? (
          <ErrorView error={slots.error} retry={slots.reload} />
        ) : !slots.data || slots.loading ? (
          <Loading />
        ) : days.length === 0 ? (
          <Notice>{t.noSlots}</Notice>
        ) : (
          <div className="list">
            {days.map(([key, list]) => (
              <Choice key={key} title={dayLabel(list[0]!.startsAt, tz)} detail={plural(locale, t.freeTimes, list.length)} onClick={() => pick(setDay, key, 'time')} />
            ))}
          </div>
        ))}

      {step === 'time' && (
        <>
          {day && <p className="lead">{dayLabel(daySlots[0]?.startsAt ?? `${day}T12:00:00Z`, tz)}</p>}
          {zoneNote}
          {slots.error && !slots.data ? (
            <ErrorView error={slots.error} retry={slots.reload} />
          ) : !slots.data || slots.loading ? (
            <Loading />
          ) : daySlots.length === 0 ? (
            <Notice>{t.noSlotsDay}</Notice>
          ) : (
            <div className="times">
              {daySlots.map((s) => (
                <button key={s.id} type="button" className="time" onClick={() => pick(setSlot, s, original ? 'confirm' : 'mode')}>
                  <span className="time-value">{time(s.startsAt, tz)}</span>
                  <span className="time-doctor">{s.doctor.name}</span>
                </button>
              ))}
            </div>
          )}
        </>
      )}

      {step === 'mode' && (
        <div className="list">
          <Choice title={<Icon text="🎥" label={t.modeLabel.video} />} detail={t.modeVideoText({ speed: speed(me.connection.minVideoKbps) })} onClick={() => pick(setMode, 'video' as Mode, 'confirm')} />
          <Choice title={<Icon text="📞" label={t.modeLabel.audio} />} detail={t.modeAudioText({ speed: speed(me.connection.minAudioKbps) })} onClick={() => pick(setMode, 'audio' as Mode, 'confirm')} />
          <button type="button" className="btn btn-link" onClick={() => router.push({ name: 'device-check' })}>
            {t.notSure}
          </button>
        </div>
      )}

      {step === 'confirm' && slot && mode && (
        <>
          <dl className="facts">
            <div>
              <dt>{t.when}</dt>
              <dd className="facts-when">
                {dayLabel(slot.startsAt, tz)}, {time(slot.startsAt, tz)}
              </dd>
            </div>
            <div>
              <dt>{t.doctor}</dt>
              <dd>
                {slot.doctor.name}
                <span className="facts-sub">{t.specialty[slot.specialty]}</span>
              </dd>
            </div>
            <div>
              <dt>{t.connection}</dt>
              <dd>{t.modeLabel[mode]}</dd>
            </div>
          </dl>
          {zoneNote}
          {error && <ErrorView error={error} />}
          <MainAction text={sending ? t.sending : original ? t.confirmReschedule : t.confirmBook} onClick={() => void submit()} loading={sending} />
        </>
      )}
    </Page>
  );
}

/** The catalogue gives every specialty the same topics today: then they are said once, above the list. */
function sameTopics(c: CentersResponse): boolean {
  return c.specialties.length > 0 && c.specialties.every((s) => s.topics === c.specialties[0]!.topics);
}
