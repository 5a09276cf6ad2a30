import type { AuditLog } from '../audit.js';
import { DomainError } from '../errors.js';
import type { NewPatient, Patient, PatientRepository, Relation } from './repository.js';

export const MAX_PROFILES_PER_ACCOUNT = 10;

export function createPatientService(deps: { patients: PatientRepository; audit: AuditLog }) {
  const { patients, audit } = deps;
  return {
    list(accountId: number): Patient[] {
      return patients.listByAccount(accountId);
    },
    get(accountId: number, patientId: number): Patient | undefined {
      return patients.findOwned(accountId, patientId);
    },
    /** Relations still open to a new profile: only one "self" per account. */
    availableRelations(accountId: number): Relation[] {
      const hasSelf = patients.listByAccount(accountId).some((p) => p.relation === 'self');
      return hasSelf ? ['child', 'relative'] : ['self', 'child', 'relative'];
    },
    create(accountId: number, data: NewPatient): Patient {
      const existing = patients.listByAccount(accountId);
      if (existing.length >= MAX_PROFILES_PER_ACCOUNT) throw new DomainError('profiles_limit', { max: MAX_PROFILES_PER_ACCOUNT });
      if (data.relation === 'self' && existing.some((p) => p.relation === 'self')) throw new DomainError('self_exists');
      const patient = patients.insert(accountId, data);
      audit.record({ actor: { type: 'account', id: accountId }, action: 'patient_created', patientId: patient.id });
      return patient;
    },
    /** The regions most patients live in, for registration's buttons. */
    frequentRegions(limit = 6): string[] {
      return patients.frequentRegions(limit);
    },
    /**
     * Removes a profile other than the account holder's own from the account. Refused while a consultation is booked
     * or an application is open: a doctor is counting on that person.
     */
    remove(accountId: number, patientId: number, now: number): void {
      const patient = patients.findOwned(accountId, patientId);
      if (!patient) throw new DomainError('profile_not_found');
      if (patient.relation === 'self') throw new DomainError('profile_self_delete');
      if (patients.hasOpenCare(patientId)) throw new DomainError('profile_has_open_care');
      patients.markDeleted(accountId, patientId, now);
      audit.record({ actor: { type: 'account', id: accountId }, action: 'patient_deleted', patientId });
    },
    update(accountId: number, patientId: number, patch: Partial<NewPatient>): Patient {
      const patient = patients.update(accountId, patientId, patch);
      if (!patient) throw new DomainError('patient_not_found');
      audit.record({
        actor: { type: 'account', id: accountId },
        action: 'patient_updated',
        patientId,
        details: { fields: Object.keys(patch).join(',') },
      });
      return patient;
    },
  };
}

export type PatientService = ReturnType<typeof createPatientService>;
