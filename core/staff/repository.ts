import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { staff } from '../../db/schema.js';

export type StaffRole = 'doctor' | 'duty_doctor' | 'manager' | 'admin';
export const STAFF_ROLES: readonly StaffRole[] = ['doctor', 'duty_doctor', 'manager', 'admin'];

export interface StaffMember {
  id: number;
  telegramId: number | null;
  name: string;
  role: StaffRole;
  centerCode: string | null;
  timeZone: string;
  locale: string;
  active: boolean;
}

const columns = {
  id: staff.id,
  telegramId: staff.telegramId,
  name: staff.name,
  role: staff.role,
  centerCode: staff.centerCode,
  timeZone: staff.timeZone,
  locale: staff.locale,
  active: staff.active,
};

export function createStaffRepository(db: Db) {
  return {
    insert(data: { name: string; role: StaffRole; centerCode: string | null }): StaffMember {
      return db.insert(staff).values(data).returning(columns).get();
    },
    byId(id: number): StaffMember | undefined {
      return db.select(columns).from(staff).where(eq(staff.id, id)).get();
    },
    /** Only active staff: a deactivated person's Telegram account opens nothing. */
    byTelegramId(telegramId: number): StaffMember | undefined {
      return db
        .select(columns)
        .from(staff)
        .where(and(eq(staff.telegramId, telegramId), eq(staff.active, true)))
        .get();
    },
    /** Doctors of a center who can be reached in the staff bot. */
    reachableDoctorsOf(centerCode: string): StaffMember[] {
      return db
        .select(columns)
        .from(staff)
        .where(and(eq(staff.centerCode, centerCode), eq(staff.role, 'doctor'), eq(staff.active, true), isNotNull(staff.telegramId)))
        .all();
    },
    reachableWithRole(role: StaffRole): StaffMember[] {
      return db
        .select(columns)
        .from(staff)
        .where(and(eq(staff.role, role), eq(staff.active, true), isNotNull(staff.telegramId)))
        .all();
    },
    list(): StaffMember[] {
      return db.select(columns).from(staff).all();
    },
    setLocale(id: number, locale: string): void {
      db.update(staff).set({ locale }).where(eq(staff.id, id)).run();
    },
    setActive(id: number, active: boolean): void {
      db.update(staff).set({ active }).where(eq(staff.id, id)).run();
    },
  };
}

export type StaffRepository = ReturnType<typeof createStaffRepository>;
