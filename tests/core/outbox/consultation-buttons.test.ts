import { describe, expect, it } from 'vitest';
import { buttonSources } from '../../../core/outbox/consultation-buttons.js';
import { openDatabase } from '../../../db/client.js';

describe('finding the messages about a consultation', () => {
  it('uses the outbox_consultation_idx index, not a scan of the whole outbox', () => {
    const db = openDatabase(':memory:');
    const query = buttonSources(db, 42, ['patient', 'staff']).toSQL();
    const plan = db.$client
      .prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
      .all(...(query.params as unknown[]))
      .map((r) => (r as { detail: string }).detail);
    expect(plan.join('\n')).toMatch(/USING INDEX outbox_consultation_idx/);
    expect(plan.join('\n')).not.toMatch(/SCAN outbox/);
    db.$client.close();
  });
});
