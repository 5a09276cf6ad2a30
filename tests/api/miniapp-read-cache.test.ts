import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsultationsResponse } from '../../api/miniapp/contract.js';
import { addDutyDoctor } from '../support/duty-fixtures.js';
import { createApiHarness, type ApiHarness } from '../support/miniapp-api.js';
import { addPatient } from '../support/scheduling-fixtures.js';

/**
 * The Mini App's hot reads (who the caller is, their consultations) are kept in memory between requests. They must
 * never be stale: any change to the tables behind them, by this process or another one (the admin CLI has its own
 * connection), is seen by the very next request.
 */

let h: ApiHarness;
let other: Database.Database;
beforeEach(() => {
  h = createApiHarness();
  // A second connection to the same file, as `npm run cli` would open.
  other = new Database(h.services.db.$client.name);
});
afterEach(() => {
  other.close();
  h.close();
});

const MARIA = 9001;
const TABLES = ['accounts', 'patients', 'consultations', 'slots', 'staff', 'applications', 'conclusions'];

function booked() {
  const doc = addDutyDoctor(h.services, 6001, 'cardiology', 'Кузнецов Павел Андреевич');
  const patientId = addPatient(h.services, MARIA);
  const slot = h.services.duty.addSlot(doc.id, h.clock.now() + 2 * 86_400_000).id;
  const id = h.services.booking.book(MARIA, patientId, slot, 'video');
  return { doc, patientId, id };
}
const list = async () => {
  const res = await h.get<ConsultationsResponse>(MARIA, '/api/consultations');
  return res;
};

describe('Mini App read cache', () => {
  it('every table behind the cached reads bumps read_generation on insert, update and delete', () => {
    const triggers = other.prepare("select tbl_name as t, sql from sqlite_master where type = 'trigger' and name like '%read_generation'").all() as Array<{ t: string; sql: string }>;
    for (const table of TABLES) {
      const ops = triggers.filter((r) => r.t === table).map((r) => /after (\w+) on/i.exec(r.sql)![1]!.toLowerCase()).sort();
      expect(ops, table).toEqual(['delete', 'insert', 'update']);
    }
    const generation = () => other.prepare('select n from read_generation where id = 1').pluck().get() as number;
    booked();
    for (const table of TABLES.filter((t) => t !== 'applications' && t !== 'conclusions')) {
      const before = generation();
      other.prepare(`update ${table} set rowid = rowid where rowid = (select min(rowid) from ${table})`).run();
      expect(generation(), table).toBe(before + 1);
    }
    // A session write, the busiest write there is, does not throw the cache away.
    const before = generation();
    other.prepare("insert into bot_state (key, value, updated_at) values ('x', '{}', 0)").run();
    expect(generation()).toBe(before);
  });

  it('a consultation cancelled by another process shows as cancelled on the next request', async () => {
    const { id } = booked();
    expect((await list()).body.upcoming.map((c) => c.id)).toEqual([id]);
    expect((await list()).body.upcoming.map((c) => c.id)).toEqual([id]);
    other.prepare("update consultations set status = 'cancelled', cancelled_by = 'staff' where id = ?").run(id);
    const after = (await list()).body;
    expect(after.upcoming).toEqual([]);
    expect(after.past.map((c) => [c.id, c.status])).toEqual([[id, 'cancelled']]);
  });

  it("the doctor's new name, a profile deleted elsewhere: seen at once", async () => {
    const { doc } = booked();
    expect((await list()).body.upcoming[0]!.doctor.name).toBe('Кузнецов Павел Андреевич');
    other.prepare('update staff set name = ? where id = ?').run('Кузнецов Павел', doc.id);
    expect((await list()).body.upcoming[0]!.doctor.name).toBe('Кузнецов Павел');
    other.prepare('update patients set deleted_at = 1 where account_id = ?').run(MARIA);
    const gone = await list();
    expect(gone.status).toBe(403);
    expect(gone.body).toMatchObject({ error: { code: 'not_registered' } });
  });

  it('a booking made through the API is in the next list, and a cached list cannot be changed by a reader', async () => {
    booked();
    const rows = h.services.booking.ofPatient(h.services.booking.account(MARIA)!.profiles[0]!.id);
    expect(() => {
      (rows[0] as { status: string }).status = 'completed';
    }).toThrow(TypeError);
    expect((await list()).body.upcoming[0]!.status).toBe('scheduled');
  });
});

describe('Mini App read cache and transactions', () => {
  it('a read inside a transaction that rolls back is never served after it, even when the counter comes back to the same value', () => {
    const patientId = addPatient(h.services, MARIA);
    const sql = h.services.db.$client;
    const name = h.services.booking.account(MARIA)!.profiles[0]!.fullName;
    expect(() =>
      sql.transaction(() => {
        sql.prepare('update patients set full_name = ? where id = ?').run('Откатилось', patientId);
        expect(h.services.booking.account(MARIA)!.profiles[0]!.fullName).toBe('Откатилось');
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    // One committed change elsewhere brings read_generation to the number the rolled-back read was tagged with.
    other.prepare('update accounts set locale = locale where telegram_id = ?').run(MARIA);
    expect(h.services.booking.account(MARIA)!.profiles[0]!.fullName).toBe(name);
  });
});
