import type { PatientConsultation } from '../../core/booking/repository.js';
import type { BookingService } from '../../core/booking/service.js';
import type { Catalog, Locale } from '../../core/catalog/index.js';
import { JOIN_OPENS_MINUTES_BEFORE } from '../../core/duty/limits.js';
import type { ConsultationItem, ConsultationsResponse } from './contract.js';

export type CenterNames = Record<Locale, Map<string, string>>;

/** Center short names by locale, computed once: no catalog work per request. */
export function centerNames(catalog: Catalog): CenterNames {
  const by = (locale: Locale) => new Map(catalog.centers.map((c) => [c.code, c.shortName[locale]]));
  return { ru: by('ru'), en: by('en') };
}

// toISOString costs ~0.4 µs and a list answer makes 18 of them from a few recurring slot times: remember them
// (moments only, no person's data), starting afresh when full.
const isoMemo = new Map<number, string>();
const iso = (ms: number): string => {
  let text = isoMemo.get(ms);
  if (text === undefined) {
    if (isoMemo.size >= 8192) isoMemo.clear();
    text = new Date(ms).toISOString();
    isoMemo.set(ms, text);
  }
  return text;
};

/** One consultation as the list shows it; `now` is read once per answer. */
export function consultationItem(
  row: Omit<PatientConsultation, 'conclusionId' | 'verificationCode'> & Partial<Pick<PatientConsultation, 'conclusionId' | 'verificationCode'>>,
  booking: Pick<BookingService, 'canCancel'>,
  centers: Map<string, string>,
  now: number,
): ConsultationItem {
  const cancellable = booking.canCancel(row, now);
  const item: ConsultationItem = {
    id: row.id,
    kind: row.kind,
    status: row.status,
    mode: row.mode,
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    doctor: { name: row.doctorName },
    canCancel: cancellable,
    canReschedule: cancellable && row.kind === 'duty',
    joinOpensAt: iso(row.startsAt - JOIN_OPENS_MINUTES_BEFORE * 60_000),
  };
  if (row.specialty) item.specialty = row.specialty;
  const center = row.centerCode ? centers.get(row.centerCode) : undefined;
  if (center) item.center = center;
  if (row.conclusionId && row.verificationCode) {
    item.conclusion = { id: row.conclusionId, verificationCode: row.verificationCode, pdfUrl: `/api/conclusions/${row.conclusionId}/pdf` };
  }
  return item;
}

/** Upcoming: scheduled and not over, soonest first; past: the rest, newest first. */
export function consultationsResponse(rows: PatientConsultation[], now: number, toItem: (row: PatientConsultation) => ConsultationItem): ConsultationsResponse {
  const upcoming: ConsultationItem[] = [];
  const past: ConsultationItem[] = [];
  // Rows come newest first.
  for (const row of rows) {
    if (row.status === 'scheduled' && row.endsAt > now) upcoming.push(toItem(row));
    else past.push(toItem(row));
  }
  upcoming.reverse();
  return { upcoming, past };
}
