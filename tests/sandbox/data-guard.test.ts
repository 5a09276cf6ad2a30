import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/config.js';
import { createLogger } from '../../core/logger.js';
import { refuseServiceData } from '../../sandbox/data-guard.js';
import { SANDBOX_PATIENT, seedDemo } from '../../sandbox/demo.js';
import { createApiHarness, type ApiHarness } from '../support/miniapp-api.js';
import { addPatient } from '../support/scheduling-fixtures.js';

/** The page acts as a center's doctor without a login: it must never be put in front of a service's patients. */
let h: ApiHarness;
beforeEach(() => {
  h = createApiHarness();
});
afterEach(() => h.close());

const file = () => h.services.db.$client.name;

describe('the sandbox and a data folder', () => {
  it('opens its own data again: the demo staff and the sandbox patient only', () => {
    seedDemo(h.services, createLogger('silent'));
    addPatient(h.services, SANDBOX_PATIENT.id);
    expect(() => refuseServiceData(file(), path.dirname(file()))).not.toThrow();
    expect(() => refuseServiceData(path.join(path.dirname(file()), 'nothing-here.sqlite'), 'x')).not.toThrow();
  });

  it("refuses a service's data (a real person in accounts or staff) in one line naming DATA_DIR", () => {
    seedDemo(h.services, createLogger('silent'));
    addPatient(h.services, 9001);
    let error: unknown;
    try {
      refuseServiceData(file(), '/var/lib/oblako');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^Invalid config: fix DATA_DIR \/var\/lib\/oblako holds a service's data/);
  });
});
