import type { Services } from '../app/services.js';
import type { Logger } from '../core/logger.js';
import type { StaffRole } from '../core/staff/repository.js';
import type { SandboxUser } from './botapi/person.js';

/**
 * The sandbox's people. Telegram ids far from real ones' usual range are not guaranteed unique in Telegram, but the
 * sandbox never talks to Telegram: they only need to differ from each other.
 */
export const SANDBOX_PATIENT: SandboxUser = { id: 5_000_001, firstName: 'Анна', lastName: 'Демо', username: 'anna_demo', languageCode: 'ru', phone: '+79990000001' };
export const SANDBOX_DOCTOR: SandboxUser = { id: 5_000_002, firstName: 'Ирина', lastName: 'Демо', username: 'dr_demo', languageCode: 'ru', phone: '+79990000002' };
export const SANDBOX_DUTY_DOCTOR: SandboxUser = { id: 5_000_003, firstName: 'Павел', lastName: 'Демо', username: 'duty_demo', languageCode: 'ru', phone: '+79990000003' };
export const SANDBOX_MANAGER: SandboxUser = { id: 5_000_004, firstName: 'Марина', lastName: 'Демо', username: 'manager_demo', languageCode: 'ru', phone: '+79990000004' };
export const SANDBOX_ADMIN: SandboxUser = { id: 5_000_005, firstName: 'Алексей', lastName: 'Демо', username: 'admin_demo', languageCode: 'ru', phone: '+79990000005' };

/** Everyone the sandbox seeds with a Telegram account; a database holding anyone else is a service's (data-guard.ts). */
export const SANDBOX_PEOPLE = [SANDBOX_PATIENT, SANDBOX_DOCTOR, SANDBOX_DUTY_DOCTOR, SANDBOX_MANAGER, SANDBOX_ADMIN];

/** Every demo name says so, in the bots, the Mini App and any report, so demo data is never taken for real data. */
const DEMO = '[ДЕМО]';

export interface DemoStaff {
  doctorId: number;
  dutyDoctorId: number;
  managerId: number;
  adminId: number;
}

/**
 * Demo data through the same services the staff bot and the CLI use: the doctor of the first center (the sandbox
 * doctor's own account, invite already used), a doctor of the second center (no Telegram), a duty cardiologist with a
 * daily 09:00–21:00 template whose slots are generated at once, a manager (referral tables, reports) and an admin.
 * Each person is added once: a later start adds only whom an older sandbox lacks (the manager and admin came later).
 */
export function seedDemo(services: Services, logger: Logger): DemoStaff {
  const [first, second] = services.catalog.centers;
  if (!first || !second) throw new Error('the catalog needs two centers for the sandbox demo');
  const created: string[] = [];
  const ensure = (user: SandboxUser, name: string, role: StaffRole, centerCode: string | null, also?: () => void) => {
    const existing = services.staff.byTelegramId(user.id);
    if (existing) return existing.id;
    const invite = services.staffInvites.create({ name: `${DEMO} ${name}`, role, centerCode });
    const member = services.staffInvites.accept(invite.payload, user.id);
    created.push(role);
    also?.();
    return member.id;
  };
  const doctorId = ensure(SANDBOX_DOCTOR, 'Ирина Демо, врач центра', 'doctor', first.code, () => {
    services.staffInvites.create({ name: `${DEMO} Олег Демо, врач центра`, role: 'doctor', centerCode: second.code });
  });
  let opened = 0;
  const dutyDoctorId = ensure(SANDBOX_DUTY_DOCTOR, 'Павел Демо, дежурный кардиолог', 'duty_doctor', null);
  if (created.includes('duty_doctor')) {
    services.duty.setSpecialty(dutyDoctorId, 'cardiology');
    for (let weekday = 1; weekday <= 7; weekday++) {
      opened += services.duty.addTemplate(dutyDoctorId, { weekday, from: '09:00', to: '21:00', slotMinutes: 30 }).opened;
    }
  } else opened = services.duty.generateSlots(dutyDoctorId).opened;
  const managerId = ensure(SANDBOX_MANAGER, 'Марина Демо, менеджер', 'manager', null);
  const adminId = ensure(SANDBOX_ADMIN, 'Алексей Демо, администратор', 'admin', null);
  if (created.length) logger.info({ centers: [first.code, second.code], created, doctorId, dutyDoctorId, managerId, adminId, slots: opened }, 'sandbox: demo data created');
  else logger.info({ opened }, 'sandbox: demo data already there');
  return { doctorId, dutyDoctorId, managerId, adminId };
}
