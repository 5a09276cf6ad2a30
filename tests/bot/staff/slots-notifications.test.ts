import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { enqueue } from '../../../core/outbox/repository.js';
import { zonedToUtc } from '../../../core/time.js';
import { consultations, staff } from '../../../db/schema.js';
import { addDutyDoctor, bookDirectly } from '../../support/duty-fixtures.js';
import { STAFF_TOKEN, type ServiceHarness } from '../../support/service-harness.js';
import { staffTests } from '../../support/staff-harness.js';

const DUTY = { id: 6670001, first_name: 'Елена' };
let h: ServiceHarness;
const { api, clock } = staffTests({ seed: (harness) => void (h = harness) });

/** A duty booking on Thursday 26.11 at 09:30 Moscow time, and the booking service's notice to the doctor queued. */
function booked(): number {
  const doctor = addDutyDoctor(h.services, DUTY.id, 'cardiology', 'Соколова Елена Викторовна');
  h.services.duty.addTemplate(doctor.id, { weekday: 4, from: '09:00', to: '10:00', slotMinutes: 30 });
  const patientId = h.registerPatient(5550001, { regionCode: 'RU-PRI', timeZone: 'Asia/Vladivostok' });
  const at = zonedToUtc('2026-11-26', '09:30', 'Europe/Moscow');
  const id = bookDirectly(h.services, patientId, doctor.id, h.services.duty.schedule(doctor.id, at, at + 1)[0]!.id);
  const params = { consultationId: id };
  enqueue(h.services.db, { chatId: DUTY.id, template: 'duty_consultation_booked', params, dedupeKey: `consultation:${id}:duty_booked` }, clock.now());
  return id;
}

describe('staff: a patient booked a duty slot', () => {
  it('the doctor reads who and when in their own zone (ru) and in English when that is their language', async () => {
    const id = booked();
    await h.deliver();
    expect(h.staff.seen(DUTY)).toEqual([
      [
        `📅 Новая запись на дежурство: консультация №${id}.`,
        'Пациент: Иванова Мария Петровна',
        'Время: 26.11.2026, 09:30 (МСК)',
        'Формат: видео',
        `Карточка: /consultation ${id}`,
      ].join('\n'),
    ]);

    h.services.db.update(staff).set({ locale: 'en', timeZone: 'Asia/Yekaterinburg' }).where(eq(staff.telegramId, DUTY.id)).run();
    const again = { consultationId: id };
    enqueue(h.services.db, { chatId: DUTY.id, template: 'duty_consultation_booked', params: again, dedupeKey: 'again' }, clock.now());
    await h.deliver();
    expect(h.staff.seen(DUTY)).toEqual([
      [`📅 New duty booking: consultation No. ${id}.`, 'Patient: Иванова Мария Петровна', 'Time: 26.11.2026, 11:30 (MSK+2)', 'Format: video', `Card: /consultation ${id}`].join('\n'),
    ]);
  });

  it('nothing is sent when the patient cancelled before the notice went out', async () => {
    const id = booked();
    h.services.db.update(consultations).set({ status: 'cancelled', cancelledBy: 'patient' }).where(eq(consultations.id, id)).run();
    await h.deliver();
    expect(api.sent(DUTY.id, STAFF_TOKEN)).toEqual([]);
  });
});
