import { describe, expect, it } from 'vitest';
import { OPERATOR, patientActor, staffActor, SYSTEM } from '../../../core/actor.js';
import { reportScope } from '../../../core/reports/access.js';

describe('reportScope', () => {
  it('managers, admins and the operator read every center; a center’s doctor their own; nobody else anything', () => {
    expect(reportScope(staffActor({ id: 1, role: 'manager', centerCode: null }))).toEqual({});
    expect(reportScope(staffActor({ id: 2, role: 'admin', centerCode: null }))).toEqual({});
    expect(reportScope(OPERATOR)).toEqual({});
    expect(reportScope(staffActor({ id: 3, role: 'doctor', centerCode: 'bakulev' }))).toEqual({ centers: ['bakulev'] });
    expect(reportScope(staffActor({ id: 4, role: 'doctor', centerCode: null }))).toBeUndefined();
    expect(reportScope(staffActor({ id: 5, role: 'duty_doctor', centerCode: null }))).toBeUndefined();
    expect(reportScope(patientActor(9001))).toBeUndefined();
    expect(reportScope(SYSTEM)).toBeUndefined();
  });
});
