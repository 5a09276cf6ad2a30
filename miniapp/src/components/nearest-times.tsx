import { useMemo } from 'react';
import type { SlotsResponse, Specialty } from '../../../api/miniapp/contract';
import { serverNow, useApi } from '../lib/api';
import { dateKey, useI18n } from '../lib/i18n';
import { useRouter } from '../router';
import { useSession } from '../session';
import { groupSlots, SlotGrid } from './slot-grid';
import { ZoneNote } from './zone-note';
import { Section } from './ui';

/** How far ahead the home screen looks, and how many times it offers: the nearest, not a timetable. */
const DAYS = 7;
const SHOWN = 6;

/**
 * The nearest free duty times on the home screen, of the specialty the patient last saw (or of every specialty, each
 * under its own heading, for a patient who saw none yet). A tap opens the booking at "video or audio".
 */
export function NearestTimes({ specialty }: { specialty: Specialty | undefined }) {
  const { t, calendarDay } = useI18n();
  const { patient } = useSession();
  const router = useRouter();
  const tz = patient.timeZone;
  const span = useMemo(() => {
    const now = serverNow();
    return { from: new Date(now).toISOString(), to: new Date(now + DAYS * 86_400_000).toISOString() };
  }, []);
  const slots = useApi<SlotsResponse>('/slots', { kind: 'duty', from: span.from, to: span.to, patientId: patient.id, ...(specialty ? { specialty } : {}) });
  const specialties = specialty ? [specialty] : [...new Set((slots.data?.slots ?? []).map((s) => s.specialty))];
  const groups = specialties.flatMap((sp) => {
    // Two doctors free at one time are one choice to the patient: the first of them is offered.
    const nearest = (slots.data?.slots ?? []).filter((s, i, all) => s.specialty === sp && all.findIndex((o) => o.specialty === sp && o.startsAt === s.startsAt) === i).slice(0, SHOWN);
    const byDay = groupSlots(nearest, (s) => dateKey(s.startsAt, tz), (s) => calendarDay(dateKey(s.startsAt, tz)));
    // Without a known specialty the heading names it: a patient picks the doctor they need.
    return specialty ? byDay : byDay.map((g) => ({ ...g, key: `${sp}-${g.key}`, title: `${t('specialty', { specialty: sp })} · ${g.title}` }));
  });
  if (!slots.data || groups.length === 0) return null;
  return (
    <Section title={t('nearest-title')}>
      <ZoneNote />
      <SlotGrid groups={groups} timeZone={tz} choose={(slot) => router.push({ name: 'book', slot })} />
    </Section>
  );
}
