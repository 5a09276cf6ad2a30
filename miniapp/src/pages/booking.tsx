import { useMemo, useState } from 'react';
import type { BookResponse, CentersResponse, ConsultationItem, ConsultationsResponse, Mode, SlotsResponse, SlotView, Specialty, WaitlistItem } from '../../../api/miniapp/contract';
import { MainAction } from '../components/main-action';
import { Page } from '../components/page';
import { Choice, ErrorView, Icon, Loading, Notice } from '../components/ui';
import { ApiError, invalidate, request, serverNow, useApi } from '../lib/api';
import { addDays, dateKey, useI18n } from '../lib/i18n';
import { plural } from '../lib/messages';
import { haptic } from '../lib/telegram';
import { useWaitlist, useWaitlistActions } from '../lib/waitlist';
import { useRouter, type RouteOf } from '../router';
import { useSession } from '../session';

type Step = 'specialty' | 'day' | 'time' | 'mode' | 'confirm';
const DAYS_AHEAD = 14;

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
  const { t, locale, day: dayLabel, time, zoneName, calendarDay } = useI18n();
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
    const from = new Date(serverNow());
    return { from: from.toISOString(), to: new Date(from.getTime() + DAYS_AHEAD * 86_400_000).toISOString() };
  });

  const centers = useApi<CentersResponse>('/centers');
  const slots = useApi<SlotsResponse>(specialty ? '/slots' : null, { kind: 'duty', specialty, from: range.from, to: range.to, patientId: patient.id });
  // Moving a consultation offers no waitlist.
  const waitlist = useWaitlist(original ? null : patient.id);
  const waitlistActions = useWaitlistActions(patient.id, waitlist.reload);

  const tz = patient.timeZone;
  // The patient's today by the server's clock, and the days after it that the slots' range covers.
  const [today] = useState(() => dateKey(serverNow(), tz));
  const freeDays = useMemo(() => {
    const byDay = new Map<string, SlotView[]>();
    for (const s of slots.data?.slots ?? []) {
      const key = dateKey(s.startsAt, tz);
      byDay.set(key, [...(byDay.get(key) ?? []), s]);
    }
    return [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [slots.data, tz]);
  // Booking only: the days whose times are all booked, the only ones the waitlist takes.
  const fullDays = useMemo(() => (original ? [] : (slots.data?.fullDays ?? []).filter((key) => !freeDays.some(([k]) => k === key))), [slots.data, freeDays, original]);
  // Some day of the two weeks has neither: no duty doctor works then (said only under days that are listed).
  const daysOff = !original && freeDays.length + fullDays.length > 0 && Array.from({ length: DAYS_AHEAD }, (_, i) => addDays(today, i)).some((key) => !fullDays.includes(key) && !freeDays.some(([k]) => k === key));
  const daySlots = (day && freeDays.find(([k]) => k === day)?.[1]) || [];
  const waitingFor = (key: string) => (specialty ? waitlist.data?.waitlist.find((e) => e.specialty === specialty && e.date === key) : undefined);
  // Booking, on a day that has nothing free but can be waited for (opened full, or emptied by bookings meanwhile, or
  // already waited for): the waitlist instead of times.
  const fullDay =
    step === 'time' && !original && !!day && !!specialty && !!slots.data && !slots.loading && daySlots.length === 0 && (fullDays.includes(day) || !!waitingFor(day));

  const steps: Step[] = original ? ['day', 'time', 'confirm'] : ['specialty', 'day', 'time', 'mode', 'confirm'];
  if (original && !fixedSpecialty) steps.unshift('specialty');
  const index = steps.indexOf(step);
  const go = (next: Step) => {
    setNotice(undefined);
    setError(undefined);
    waitlistActions.clear();
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
      // A booking on a day the profile waited for ends that wait.
      invalidate('/waitlist');
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

  const stepTitle = fullDay ? t.dayFullTitle : { specialty: t.stepSpecialty, day: t.stepDay, time: t.stepTime, mode: t.stepMode, confirm: t.stepConfirm }[step];
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
        ) : (
          <>
            {freeDays.length === 0 ? (
              <Notice>{fullDays.length === 0 ? t.noSlots : t.noSlotsWaitlist}</Notice>
            ) : (
              <div className="list">
                {freeDays.map(([key, list]) => (
                  <Choice
                    key={key}
                    title={calendarDay(key)}
                    detail={plural(locale, t.freeTimes, list.length)}
                    badge={waitingFor(key) && <Icon text="🔔" label={t.waitlistMark} />}
                    onClick={() => pick(setDay, key, 'time')}
                  />
                ))}
              </div>
            )}
            {/* Booking only: the days with nothing free, after the ones that have times, each opening the waitlist. */}
            {fullDays.length > 0 && (
              <section className="section full-days">
                <h3 className="group-title">{t.fullDaysTitle}</h3>
                <p className="hint">{t.fullDaysHint}</p>
                <div className="list">
                  {fullDays.map((key) => (
                    <Choice
                      key={key}
                      title={calendarDay(key)}
                      detail={waitingFor(key) ? undefined : t.dayFull}
                      muted
                      badge={waitingFor(key) && <Icon text="🔔" label={t.waitlistMark} />}
                      onClick={() => pick(setDay, key, 'time')}
                    />
                  ))}
                </div>
              </section>
            )}
            {daysOff && <p className="hint">{t.daysOff}</p>}
          </>
        ))}

      {fullDay && (
        <>
          <p className="lead">{calendarDay(day)}</p>
          <FullDay day={day} specialty={specialty} listed={waitingFor(day)} actions={waitlistActions} otherDay={() => go('day')} />
        </>
      )}

      {step === 'time' && !fullDay && (
        <>
          {day && <p className="lead">{calendarDay(day)}</p>}
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

/**
 * A day with no free time, in booking: a plain explanation and the waitlist. Asked (201, or 200 when already
 * waiting: the same words), it says the bot will write and offers to take it back behind a confirm popup.
 */
function FullDay({
  day,
  specialty,
  listed,
  actions,
  otherDay,
}: {
  day: string;
  specialty: Specialty;
  listed: WaitlistItem | undefined;
  actions: ReturnType<typeof useWaitlistActions>;
  otherDay: () => void;
}) {
  const { t, calendarDate } = useI18n();
  const router = useRouter();
  const { outcome, busy, error } = actions;
  // What was just done here wins over the list, which catches up a moment later.
  const entry =
    outcome?.kind === 'joined' && outcome.entry.date === day && outcome.entry.specialty === specialty ? outcome.entry : outcome?.kind === 'left' || outcome?.kind === 'gone' ? undefined : listed;
  const date = calendarDate(day);

  if (entry) {
    return (
      <>
        <Notice kind="success">
          <p className="waitlist-joined">{t.waitlistJoined({ date })}</p>
          <p className="hint">{t.waitlistQueue}</p>
        </Notice>
        {error && <ErrorView error={error} />}
        <div className="stack">
          <button type="button" className="btn btn-primary" onClick={() => router.reset({ name: 'home' })}>
            {t.toHome}
          </button>
          <button type="button" className="btn btn-secondary" onClick={otherDay}>
            {t.otherDay}
          </button>
          <button type="button" className="btn btn-danger" disabled={busy} aria-busy={busy} onClick={() => void actions.leave(entry)}>
            {busy ? t.sending : t.waitlistLeave}
          </button>
        </div>
      </>
    );
  }
  return (
    <>
      {outcome?.kind === 'left' && <Notice kind="success">{t.waitlistLeft({ date })}</Notice>}
      {outcome?.kind === 'gone' && <Notice>{t.waitlistGone}</Notice>}
      <p>{t.dayFullText}</p>
      {error && <ErrorView error={error} />}
      <div className="stack">
        <button type="button" className="btn btn-primary" disabled={busy} aria-busy={busy} onClick={() => void actions.join(specialty, day)}>
          {busy ? t.sending : t.waitlistJoin}
        </button>
        <button type="button" className="btn btn-secondary" onClick={otherDay}>
          {t.otherDay}
        </button>
      </div>
    </>
  );
}

/** The catalogue gives every specialty the same topics today: then they are said once, above the list. */
function sameTopics(c: CentersResponse): boolean {
  return c.specialties.length > 0 && c.specialties.every((s) => s.topics === c.specialties[0]!.topics);
}
