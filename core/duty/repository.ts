import { and, asc, eq, gt, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Writer } from '../../db/client.js';
import { consultations, dutyExceptions, dutyTemplates, patients, slots, staff } from '../../db/schema.js';
import type { Specialty } from './specialty.js';
import type { DutyTemplate } from './template.js';

export interface DutyDoctor {
  id: number;
  name: string;
  telegramId: number | null;
  role: string;
  timeZone: string;
  specialty: Specialty | null;
  active: boolean;
}

/** A duty slot as its doctor sees it, with the consultation booked on it, if any. */
export interface DutySlot {
  id: number;
  startsAt: number;
  endsAt: number;
  templateId: number | null;
  consultation: { id: number; patientId: number; patientName: string; mode: 'video' | 'audio' } | null;
}

/** A booked slot a schedule change could not remove: the doctor decides (doctorCancels) what becomes of it. */
export interface BookedSlot {
  slotId: number;
  consultationId: number;
  startsAt: number;
  patientId: number;
  patientName: string;
}

const templateColumns = {
  id: dutyTemplates.id,
  staffId: dutyTemplates.staffId,
  weekday: dutyTemplates.weekday,
  from: dutyTemplates.fromTime,
  to: dutyTemplates.toTime,
  slotMinutes: dutyTemplates.slotMinutes,
};

export function doctorById(tx: Writer, staffId: number): DutyDoctor | undefined {
  return tx
    .select({ id: staff.id, name: staff.name, telegramId: staff.telegramId, role: staff.role, timeZone: staff.timeZone, specialty: staff.specialty, active: staff.active })
    .from(staff)
    .where(eq(staff.id, staffId))
    .get();
}

export function activeDutyDoctors(tx: Writer): DutyDoctor[] {
  return tx
    .select({ id: staff.id, name: staff.name, telegramId: staff.telegramId, role: staff.role, timeZone: staff.timeZone, specialty: staff.specialty, active: staff.active })
    .from(staff)
    .where(and(eq(staff.role, 'duty_doctor'), eq(staff.active, true)))
    .orderBy(asc(staff.id))
    .all();
}

export function templatesOf(tx: Writer, staffId: number): DutyTemplate[] {
  return tx.select(templateColumns).from(dutyTemplates).where(eq(dutyTemplates.staffId, staffId)).orderBy(asc(dutyTemplates.weekday), asc(dutyTemplates.fromTime)).all();
}

export function insertTemplate(tx: Writer, staffId: number, t: Omit<DutyTemplate, 'id' | 'staffId'>): DutyTemplate {
  return tx
    .insert(dutyTemplates)
    .values({ staffId, weekday: t.weekday, fromTime: t.from, toTime: t.to, slotMinutes: t.slotMinutes })
    .returning(templateColumns)
    .get();
}

export function updateTemplate(tx: Writer, staffId: number, id: number, t: Omit<DutyTemplate, 'id' | 'staffId'>): DutyTemplate | undefined {
  return tx
    .update(dutyTemplates)
    .set({ weekday: t.weekday, fromTime: t.from, toTime: t.to, slotMinutes: t.slotMinutes })
    .where(and(eq(dutyTemplates.id, id), eq(dutyTemplates.staffId, staffId)))
    .returning(templateColumns)
    .get();
}

export function deleteTemplate(tx: Writer, staffId: number, id: number): boolean {
  const gone = tx.delete(dutyTemplates).where(and(eq(dutyTemplates.id, id), eq(dutyTemplates.staffId, staffId))).run().changes === 1;
  if (gone) tx.update(slots).set({ templateId: null }).where(and(eq(slots.staffId, staffId), eq(slots.templateId, id))).run();
  return gone;
}

export function daysOffOf(tx: Writer, staffId: number, fromDate: string): Array<{ date: string; reason: string | null }> {
  return tx
    .select({ date: dutyExceptions.date, reason: dutyExceptions.reason })
    .from(dutyExceptions)
    .where(and(eq(dutyExceptions.staffId, staffId), gte(dutyExceptions.date, fromDate)))
    .orderBy(asc(dutyExceptions.date))
    .all();
}

/** Inserts the duty slot, or reopens one that a schedule change had closed; 1 when a slot became open. */
export function openSlot(tx: Writer, s: { staffId: number; startsAt: number; endsAt: number; templateId: number | null }): number {
  return tx
    .insert(slots)
    .values({ ...s, kind: 'duty' })
    .onConflictDoUpdate({
      target: [slots.staffId, slots.startsAt],
      set: { closedAt: null, closedReason: null, templateId: s.templateId, endsAt: s.endsAt },
      setWhere: sql`${slots.kind} = 'duty' and ${slots.closedReason} = 'schedule'`,
    })
    .run().changes;
}

/** The doctor's open duty slots starting in [from, to), with any scheduled consultation on them. */
export function slotsOf(tx: Writer, staffId: number, from: number, to: number, where?: ReturnType<typeof eq>): DutySlot[] {
  return tx
    .select({
      id: slots.id,
      startsAt: slots.startsAt,
      endsAt: slots.endsAt,
      templateId: slots.templateId,
      consultationId: consultations.id,
      patientId: consultations.patientId,
      patientName: patients.fullName,
      mode: consultations.mode,
    })
    .from(slots)
    .leftJoin(consultations, and(eq(consultations.slotId, slots.id), eq(consultations.status, 'scheduled')))
    .leftJoin(patients, eq(patients.id, consultations.patientId))
    .where(and(eq(slots.staffId, staffId), eq(slots.kind, 'duty'), isNull(slots.closedAt), gte(slots.startsAt, from), lt(slots.startsAt, to), where))
    .orderBy(asc(slots.startsAt))
    .all()
    .map((r) => ({
      id: r.id,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      templateId: r.templateId,
      consultation:
        r.consultationId !== null && r.patientId !== null && r.mode !== null
          ? { id: r.consultationId, patientId: r.patientId, patientName: r.patientName ?? '', mode: r.mode }
          : null,
    }));
}

/**
 * Takes free slots out of the offer: a slot no consultation ever pointed at is deleted, one that a cancelled
 * consultation still points at is closed. Returns how many went.
 */
export function retireSlots(tx: Writer, ids: number[], reason: 'schedule' | 'doctor', now: number): number {
  if (ids.length === 0) return 0;
  const referenced = new Set(
    tx.select({ slotId: consultations.slotId }).from(consultations).where(inArray(consultations.slotId, ids)).all().map((r) => r.slotId),
  );
  const unreferenced = ids.filter((id) => !referenced.has(id));
  const closing = ids.filter((id) => referenced.has(id));
  if (unreferenced.length) tx.delete(slots).where(inArray(slots.id, unreferenced)).run();
  if (closing.length) tx.update(slots).set({ closedAt: now, closedReason: reason }).where(inArray(slots.id, closing)).run();
  return ids.length;
}

/** Splits slots into free ones and booked ones (as reported to the doctor). */
export function partition(list: DutySlot[]): { free: number[]; booked: BookedSlot[] } {
  const free: number[] = [];
  const booked: BookedSlot[] = [];
  for (const s of list) {
    if (s.consultation) {
      booked.push({ slotId: s.id, consultationId: s.consultation.id, startsAt: s.startsAt, patientId: s.consultation.patientId, patientName: s.consultation.patientName });
    } else free.push(s.id);
  }
  return { free, booked };
}

export function overlappingOpenSlot(tx: Writer, staffId: number, from: number, to: number): { id: number } | undefined {
  return tx
    .select({ id: slots.id })
    .from(slots)
    .where(and(eq(slots.staffId, staffId), isNull(slots.closedAt), lt(slots.startsAt, to), gt(slots.endsAt, from)))
    .get();
}

/** What cancelling a consultation needs to know of it. */
export function consultationForCancel(tx: Writer, id: number) {
  return tx
    .select({
      id: consultations.id,
      staffId: consultations.staffId,
      patientId: consultations.patientId,
      accountId: patients.accountId,
      applicationId: consultations.applicationId,
      status: consultations.status,
      slotId: consultations.slotId,
      slotKind: slots.kind,
      startsAt: slots.startsAt,
    })
    .from(consultations)
    .innerJoin(slots, eq(slots.id, consultations.slotId))
    .innerJoin(patients, eq(patients.id, consultations.patientId))
    .where(eq(consultations.id, id))
    .get();
}
