import type { Db } from '../../db/client.js';
import { createReadCache } from '../../db/read-cache.js';
import type { Specialty } from '../duty/specialty.js';

/** A profile of an account, as every Mini App request resolves it. */
export interface Profile {
  id: number;
  fullName: string;
  relation: 'self' | 'child' | 'relative';
  timeZone: string;
}

/** The account a request acts for: its language and live profiles (none: not registered). */
export interface AccountProfiles {
  locale: string;
  profiles: Profile[];
}

export interface FreeSlot {
  id: number;
  startsAt: number;
  endsAt: number;
  specialty: Specialty;
  doctorId: number;
  doctorName: string;
}

/** A consultation of one profile, as the patient's list shows it. */
export interface PatientConsultation {
  id: number;
  kind: 'duty' | 'application';
  status: 'scheduled' | 'completed' | 'cancelled' | 'no_show';
  mode: 'video' | 'audio';
  startsAt: number;
  endsAt: number;
  doctorName: string;
  specialty: Specialty | null;
  centerCode: string | null;
  conclusionId: number | null;
  verificationCode: string | null;
}

/** What booking, cancelling and joining need to know of a consultation, found only through its owner's account. */
export interface OwnedConsultation {
  id: number;
  patientId: number;
  patientName: string;
  accountId: number;
  staffId: number;
  doctorTelegramId: number | null;
  applicationId: number | null;
  status: PatientConsultation['status'];
  mode: 'video' | 'audio';
  room: string;
  slotId: number;
  kind: 'duty' | 'application';
  startsAt: number;
  endsAt: number;
}

export interface BookableSlot {
  id: number;
  staffId: number;
  doctorTelegramId: number | null;
  specialty: Specialty;
  startsAt: number;
  endsAt: number;
}

/**
 * The Mini App's reads and the booking's writes as prepared statements: these run on every request, so they are
 * compiled once here instead of being built by the query builder each time. Every read of a patient's data is
 * scoped by the profile or by the account that owns it.
 */
export function createBookingRepository(db: Db) {
  const sql = db.$client;
  // One statement per request for who the caller is: the account's language with its live profiles.
  const profiles = sql
    .prepare<[number], [number, string, Profile['relation'], string, string]>(
      `select p.id, p.full_name, p.relation, p.time_zone, a.locale
         from accounts a join patients p on p.account_id = a.telegram_id
        where a.telegram_id = ? and p.deleted_at is null order by p.id`,
    )
    .raw();
  const freeSlots = sql.prepare<{ from: number; to: number; specialty: string | null }, FreeSlot>(
    `select s.id, s.starts_at as startsAt, s.ends_at as endsAt, st.specialty, st.id as doctorId, st.name as doctorName
       from slots s join staff st on st.id = s.staff_id
      where s.kind = 'duty' and s.closed_at is null and s.starts_at >= @from and s.starts_at < @to
        and st.active = 1 and st.role = 'duty_doctor' and st.specialty is not null
        and (@specialty is null or st.specialty = @specialty)
        and not exists (select 1 from consultations c where c.slot_id = s.id and c.status = 'scheduled')
      order by s.starts_at, st.id
      limit 2000`,
  );
  // Every open duty slot of one specialty in a window, in order, as [startsAt, booked]: the days all booked are the
  // waitlist's days (on them a cancellation is what tells a waiting patient). The same slots as freeSlots', booked too.
  const dutyLoad = sql
    .prepare<{ from: number; to: number; specialty: string }, [number, 0 | 1]>(
      `select s.starts_at,
              exists (select 1 from consultations c where c.slot_id = s.id and c.status = 'scheduled')
         from slots s join staff st on st.id = s.staff_id
        where s.kind = 'duty' and s.closed_at is null and s.starts_at >= @from and s.starts_at < @to
          and st.active = 1 and st.role = 'duty_doctor' and st.specialty = @specialty
        order by s.starts_at`,
    )
    .raw();
  // Rows as arrays (raw): the hot list skips better-sqlite3's object building and maps them itself.
  const ofPatient = sql.prepare<[number], unknown[]>(
    `select c.id, s.kind, c.status, c.mode, s.starts_at as startsAt, s.ends_at as endsAt, st.name as doctorName,
            st.specialty, coalesce(a.center_code, st.center_code) as centerCode,
            cl.id as conclusionId, cl.verification_code as verificationCode
       from consultations c
       join slots s on s.id = c.slot_id
       join staff st on st.id = c.staff_id
       left join applications a on a.id = c.application_id
       left join conclusions cl on cl.consultation_id = c.id
      where c.patient_id = ?`,
  ).raw();
  const owned = sql.prepare<[number, number], OwnedConsultation>(
    `select c.id, c.patient_id as patientId, p.full_name as patientName, p.account_id as accountId, c.staff_id as staffId,
            st.telegram_id as doctorTelegramId, c.application_id as applicationId, c.status, c.mode, c.room,
            c.slot_id as slotId, s.kind, s.starts_at as startsAt, s.ends_at as endsAt
       from consultations c
       join patients p on p.id = c.patient_id
       join slots s on s.id = c.slot_id
       join staff st on st.id = c.staff_id
      where c.id = ? and p.account_id = ? and p.deleted_at is null`,
  );
  const bookable = sql.prepare<[number], BookableSlot>(
    `select s.id, s.staff_id as staffId, st.telegram_id as doctorTelegramId, st.specialty, s.starts_at as startsAt, s.ends_at as endsAt
       from slots s join staff st on st.id = s.staff_id
      where s.id = ? and s.kind = 'duty' and s.closed_at is null
        and st.active = 1 and st.role = 'duty_doctor' and st.specialty is not null`,
  );
  const activeDuty = sql.prepare<[number, number], { n: number }>(
    `select count(*) as n from consultations c join slots s on s.id = c.slot_id
      where c.patient_id = ? and c.status = 'scheduled' and s.kind = 'duty' and s.ends_at > ?`,
  );
  const overlapping = sql.prepare<[number, number, number], { id: number }>(
    `select c.id from consultations c join slots s on s.id = c.slot_id
      where c.patient_id = ? and c.status = 'scheduled' and s.starts_at < ? and s.ends_at > ? limit 1`,
  );
  const insert = sql.prepare<[number, number, number, string, string, number], { id: number }>(
    `insert into consultations (patient_id, staff_id, slot_id, application_id, mode, status, room, updated_at)
     values (?, ?, ?, null, ?, 'scheduled', ?, ?) returning id`,
  );
  const cancel = sql.prepare<[number, number], unknown>(
    `update consultations set status = 'cancelled', cancelled_by = 'patient', updated_at = ? where id = ? and status = 'scheduled'`,
  );
  const reopenApplication = sql.prepare<[number, number], unknown>(
    `update applications set status = 'in_review', updated_at = ? where id = ? and status = 'scheduled'`,
  );
  const ownsConclusion = sql.prepare<[number, number], { id: number; patientId: number; verificationCode: string }>(
    `select cl.id, c.patient_id as patientId, cl.verification_code as verificationCode
       from conclusions cl join consultations c on c.id = cl.consultation_id join patients p on p.id = c.patient_id
      where cl.id = ? and p.account_id = ? and p.deleted_at is null`,
  );

  // Frozen: a cached list and its rows are shared by every request that reads them until something changes.
  const readOfPatient = (patientId: number): readonly PatientConsultation[] =>
    Object.freeze(
      ofPatient
        .all(patientId)
        .map((r): PatientConsultation =>
          Object.freeze({
            id: r[0] as number,
            kind: r[1] as PatientConsultation['kind'],
            status: r[2] as PatientConsultation['status'],
            mode: r[3] as PatientConsultation['mode'],
            startsAt: r[4] as number,
            endsAt: r[5] as number,
            doctorName: r[6] as string,
            specialty: r[7] as Specialty | null,
            centerCode: r[8] as string | null,
            conclusionId: r[9] as number | null,
            verificationCode: r[10] as string | null,
          }),
        )
        .sort((a, b) => b.startsAt - a.startsAt || b.id - a.id),
    );
  const readAccount = (accountId: number): AccountProfiles | undefined => {
    const rows = profiles.all(accountId);
    if (rows.length === 0) return undefined;
    const list = Object.freeze(rows.map(([id, fullName, relation, timeZone]) => Object.freeze({ id, fullName, relation, timeZone }))) as Profile[];
    return Object.freeze({ locale: rows[0]![4], profiles: list });
  };
  const cache = createReadCache(sql);

  return {
    /** Who the caller is, on every Mini App request: from the read cache while nothing it depends on changed. */
    account: (accountId: number): AccountProfiles | undefined => cache.get(`account:${accountId}`, () => readAccount(accountId)),
    freeSlots: (from: number, to: number, specialty: Specialty | null): FreeSlot[] => freeSlots.all({ from, to, specialty }),
    dutyLoad: (from: number, to: number, specialty: Specialty): Array<[startsAt: number, booked: 0 | 1]> => dutyLoad.all({ from, to, specialty }),
    /** Newest first; sorted here rather than by SQLite's temporary b-tree (a profile has a handful of rows). */
    ofPatient: (patientId: number): PatientConsultation[] => cache.get(`consultations:${patientId}`, () => readOfPatient(patientId)).slice(),
    owned: (accountId: number, consultationId: number): OwnedConsultation | undefined => owned.get(consultationId, accountId),
    bookable: (slotId: number): BookableSlot | undefined => bookable.get(slotId),
    activeDutyCount: (patientId: number, now: number): number => activeDuty.get(patientId, now)?.n ?? 0,
    overlapping: (patientId: number, startsAt: number, endsAt: number) => overlapping.get(patientId, endsAt, startsAt),
    insert: (v: { patientId: number; staffId: number; slotId: number; mode: 'video' | 'audio'; room: string; now: number }): number =>
      insert.get(v.patientId, v.staffId, v.slotId, v.mode, v.room, v.now)!.id,
    cancel: (id: number, now: number): boolean => cancel.run(now, id).changes === 1,
    reopenApplication: (id: number, now: number): void => void reopenApplication.run(now, id),
    conclusionOf: (accountId: number, conclusionId: number) => ownsConclusion.get(conclusionId, accountId),
  };
}

export type BookingRepository = ReturnType<typeof createBookingRepository>;
