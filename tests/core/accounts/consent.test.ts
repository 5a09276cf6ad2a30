import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../app/services.js';
import { CONSENT_VERSION } from '../../../core/accounts/consent.js';
import { auditLog } from '../../../db/schema.js';
import { createCoreServices, WEDNESDAY_10_MSK } from '../../support/scheduling-fixtures.js';
import { manualClock } from '../../support/service-harness.js';

const clock = manualClock(WEDNESDAY_10_MSK);
let services: Services;
let close: () => void;
beforeEach(() => {
  ({ services, close } = createCoreServices(clock));
});
afterEach(() => close());

describe('consent', () => {
  it('is stored with its version and time, and recorded as the account holder’s', () => {
    expect(services.consent.give(9001, 'en')).toBe(WEDNESDAY_10_MSK);
    expect(services.accounts.find(9001)).toMatchObject({ locale: 'en', consentVersion: CONSENT_VERSION, consentAt: WEDNESDAY_10_MSK });
    const records = services.db.select().from(auditLog).all().map((a) => [a.actorType, a.actorId, a.action, JSON.parse(a.details!)]);
    expect(records).toEqual([['account', 9001, 'consent_given', { version: CONSENT_VERSION }]]);
  });
});
