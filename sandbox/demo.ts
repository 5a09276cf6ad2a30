import type { Services } from '../app/services.js';
import type { Logger } from '../core/logger.js';
import type { SandboxUser } from './botapi/person.js';

/**
 * The sandbox's people. Telegram ids far from real ones' usual range are not guaranteed unique in Telegram, but the
 * sandbox never talks to Telegram: they only need to differ from each other.
 */
export const SANDBOX_PATIENT: SandboxUser = { id: 5_000_001, firstName: 'Анна', lastName: 'Демо', username: 'anna_demo', languageCode: 'ru', phone: '+79990000001' };
export const SANDBOX_DOCTOR: SandboxUser = { id: 5_000_002, firstName: 'Ирина', lastName: 'Демо', username: 'dr_demo', languageCode: 'ru', phone: '+79990000002' };
export const SANDBOX_DUTY_DOCTOR: SandboxUser = { id: 5_000_003, firstName: 'Павел', lastName: 'Демо', username: 'duty_demo', languageCode: 'ru', phone: '+79990000003' };

/** Every demo name says so, in the bots, the Mini App and any report, so demo data is never taken for real data. */
const DEMO = '[ДЕМО]';

export interface DemoStaff {
  doctorId: number;
  dutyDoctorId: number;
}

/**
 * Demo data on the sandbox's first start, through the same services the staff bot and the CLI use: the doctor of the
 * first center (the sandbox doctor's own account, invite already used), a doctor of the second center (no Telegram),
 * and a duty cardiologist (the sandbox's second staff account) with a daily 09:00–21:00 template whose slots are
 * generated at once. Idempotent: a second start finds the doctor's account and adds nothing.
 */
export function seedDemo(services: Services, logger: Logger): DemoStaff {
  const existingDoctor = services.staff.byTelegramId(SANDBOX_DOCTOR.id);
  const existingDuty = services.staff.byTelegramId(SANDBOX_DUTY_DOCTOR.id);
  if (existingDoctor && existingDuty) {
    const opened = services.duty.generateSlots(existingDuty.id).opened;
    logger.info({ opened }, 'sandbox: demo data already there');
    return { doctorId: existingDoctor.id, dutyDoctorId: existingDuty.id };
  }
  const [first, second] = services.catalog.centers;
  if (!first || !second) throw new Error('the catalog needs two centers for the sandbox demo');

  const invite = (name: string, role: 'doctor' | 'duty_doctor', centerCode: string | null, telegramId?: number) => {
    const created = services.staffInvites.create({ name: `${DEMO} ${name}`, role, centerCode });
    return telegramId ? services.staffInvites.accept(created.payload, telegramId) : created.staff;
  };
  const doctor = invite('Ирина Демо, врач центра', 'doctor', first.code, SANDBOX_DOCTOR.id);
  invite('Олег Демо, врач центра', 'doctor', second.code);
  const duty = invite('Павел Демо, дежурный кардиолог', 'duty_doctor', null, SANDBOX_DUTY_DOCTOR.id);
  services.duty.setSpecialty(duty.id, 'cardiology');
  let opened = 0;
  for (let weekday = 1; weekday <= 7; weekday++) {
    opened += services.duty.addTemplate(duty.id, { weekday, from: '09:00', to: '21:00', slotMinutes: 30 }).opened;
  }
  logger.info({ centers: [first.code, second.code], doctorId: doctor.id, dutyDoctorId: duty.id, slots: opened }, 'sandbox: demo data created');
  return { doctorId: doctor.id, dutyDoctorId: duty.id };
}
