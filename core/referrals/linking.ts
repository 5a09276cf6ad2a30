import { and, asc, count, eq, gte, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog, referrals } from '../../db/schema.js';
import { OPEN_STATUSES, type Application } from '../applications/repository.js';
import type { ApplicationService } from '../applications/service.js';
import { DIAGNOSIS_MAX } from '../applications/service.js';
import type { AuditLog } from '../audit.js';
import type { Catalog } from '../catalog/index.js';
import type { Clock } from '../clock.js';
import { DomainError } from '../errors.js';
import type { NewPatient, Patient } from '../patients/repository.js';
import type { PatientService } from '../patients/service.js';

/** What the linking flow needs of a referral row; the diagnosis is only shown after the person confirmed. */
export type Referral = { [K in keyof typeof columns]: (typeof referrals.$inferSelect)[K] };

const columns = {
  id: referrals.id,
  fullName: referrals.fullName,
  birthDate: referrals.birthDate,
  phone: referrals.phone,
  centerCode: referrals.centerCode,
  conditionCode: referrals.conditionCode,
  diagnosis: referrals.diagnosis,
  icd10: referrals.icd10,
  referringDoctor: referrals.referringDoctor,
  organization: referrals.organization,
  regionCode: referrals.regionCode,
  regionText: referrals.regionText,
  accountId: referrals.accountId,
  patientId: referrals.patientId,
  linkedAt: referrals.linkedAt,
  applicationId: referrals.applicationId,
};

/** Where an invite stands for the account that opened it; whose it is, when not theirs, is never said. */
export type InviteLookup =
  | { status: 'unknown' }
  | { status: 'taken' }
  | { status: 'mine'; referral: Referral }
  | { status: 'open'; referral: Referral };

/**
 * Wrong birth dates one account may type for one referral; then it is refused for good (the referring physician can
 * help). A typo or two is forgiven; guessing a stranger's date is not.
 */
export const BIRTH_DATE_TRIES = 3;
/** Each wrong birth date, in the audit log: the count survives restarts, a new /start and a cleared session. */
const BIRTH_DATE_WRONG = 'referral.birth_date_wrong';

/** Where confirming a referral stands for an account before it types the birth date. */
export type ClaimCheck = 'open' | 'mine' | 'taken' | 'refused';
/** What typing the birth date did: linked, or why not ('wrong' leaves tries, 'refused' does not). */
export type ClaimOutcome = 'linked' | 'mine' | 'taken' | 'wrong' | 'refused';

/** Stored as the complaints when the patient has none to add: the referring physician's reasons stand. */
export const REFERRAL_COMPLAINTS_DEFAULT = 'по направлению';

/** Same person: names compared without case, extra spaces or ё/е differences, and the same birth date. */
export function samePerson(a: { fullName: string; birthDate: string }, b: { fullName: string; birthDate: string }): boolean {
  const key = (name: string) => name.toLowerCase().replace(/ё/g, 'е').split(/\s+/).filter(Boolean).join(' ');
  return a.birthDate === b.birthDate && key(a.fullName) === key(b.fullName);
}

/** The application's diagnosis from the referral: the ICD-10 code first, as doctors read it, within the length limit. */
export function referralDiagnosis(referral: Pick<Referral, 'diagnosis' | 'icd10'>, conditionName: string): string {
  const code = referral.icd10?.trim();
  const text = referral.diagnosis?.trim();
  const full = [code, text].filter(Boolean).join(' — ') || conditionName;
  return full.length > DIAGNOSIS_MAX ? `${full.slice(0, DIAGNOSIS_MAX - 1)}…` : full;
}

export interface ReferralLinkingDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  catalog: Catalog;
  patients: PatientService;
  applications: ApplicationService;
}

/**
 * Path 3 from the patient's side: an invite (or a verified phone) found, confirmed and linked to one Telegram account
 * for good, a profile attached, then the application submitted with path 'referral'.
 */
export function createReferralLinking(deps: ReferralLinkingDeps) {
  const { db, clock, audit, catalog } = deps;
  const byId = (id: number): Referral | undefined => db.select(columns).from(referrals).where(eq(referrals.id, id)).get();

  // Only entries since the referral was made: the audit log's time index keeps this from reading the whole log.
  const wrongBirthDates = (referralId: number, accountId: number, since: number): number =>
    db
      .select({ n: count() })
      .from(auditLog)
      .where(
        and(
          gte(auditLog.at, since),
          eq(auditLog.action, BIRTH_DATE_WRONG),
          eq(auditLog.actorType, 'account'),
          eq(auditLog.actorId, accountId),
          sql`json_extract(${auditLog.details}, '$.referralId') = ${referralId}`,
        ),
      )
      .get()!.n;

  /** The referral, only if this account holds it: every read after the link goes through here. */
  const ofAccount = (accountId: number, referralId: number): Referral => {
    const referral = db
      .select(columns)
      .from(referrals)
      .where(and(eq(referrals.id, referralId), eq(referrals.accountId, accountId)))
      .get();
    if (!referral) throw new DomainError('referral_not_found');
    return referral;
  };

  const attach = (accountId: number, referral: Referral, patientId: number) => {
    const result = db
      .update(referrals)
      .set({ patientId })
      .where(and(eq(referrals.id, referral.id), eq(referrals.accountId, accountId), isNull(referrals.patientId)))
      .run();
    if (result.changes !== 1) throw new DomainError('referral_changed');
    audit.record({ actor: { type: 'account', id: accountId }, action: 'referral.profile_attached', patientId, details: { referralId: referral.id } });
  };

  const record = (referral: Referral, app: Application, action: string) => {
    db.update(referrals)
      .set({ applicationId: app.id })
      .where(and(eq(referrals.id, referral.id), eq(referrals.accountId, referral.accountId!), isNull(referrals.applicationId)))
      .run();
    audit.record({ actor: { type: 'account', id: referral.accountId! }, action, patientId: app.patientId, details: { referralId: referral.id, applicationId: app.id } });
  };

  return {
    byId,
    ofAccount,

    /** What opening the invite with this code means for this account. */
    lookupInvite(code: string, accountId: number): InviteLookup {
      const referral = db.select(columns).from(referrals).where(eq(referrals.inviteCode, code)).get();
      if (!referral) return { status: 'unknown' };
      if (referral.accountId === null) return { status: 'open', referral };
      return referral.accountId === accountId ? { status: 'mine', referral } : { status: 'taken' };
    },

    /** The oldest referral not yet linked to anyone with this phone (E.164); only a verified phone may be passed. */
    unlinkedByPhone(phone: string): Referral | undefined {
      return db
        .select(columns)
        .from(referrals)
        .where(and(eq(referrals.phone, phone), isNull(referrals.accountId)))
        .orderBy(asc(referrals.id))
        .get();
    },

    /** This account's referrals still without an application, oldest first: a flow to go on with. */
    unfinished(accountId: number): Referral[] {
      return db
        .select(columns)
        .from(referrals)
        .where(and(eq(referrals.accountId, accountId), isNull(referrals.applicationId)))
        .orderBy(asc(referrals.id))
        .all();
    },

    /** Whether this account may still type the birth date for the referral, asked before anything is shown. */
    claimCheck(referralId: number, accountId: number): ClaimCheck {
      const row = db.select({ accountId: referrals.accountId, createdAt: referrals.createdAt }).from(referrals).where(eq(referrals.id, referralId)).get();
      if (!row) return 'taken';
      if (row.accountId !== null) return row.accountId === accountId ? 'mine' : 'taken';
      return wrongBirthDates(referralId, accountId, row.createdAt) >= BIRTH_DATE_TRIES ? 'refused' : 'open';
    },

    /** Wrong birth dates this account may still type for the referral. */
    birthDateTriesLeft(referralId: number, accountId: number): number {
      const row = db.select({ createdAt: referrals.createdAt }).from(referrals).where(eq(referrals.id, referralId)).get();
      return row ? Math.max(0, BIRTH_DATE_TRIES - wrongBirthDates(referralId, accountId, row.createdAt)) : 0;
    },

    /**
     * Links the referral to the account when `birthDate` (YYYY-MM-DD, as the person typed it) is the row's: one
     * conditional update, so of two accounts confirming at once exactly one wins, a referral once linked never moves,
     * and whoever holds a phone that a table got wrong learns nothing of the stranger behind it. A wrong date is
     * recorded (never the date itself); the BIRTH_DATE_TRIES-th refuses the referral to this account for good.
     * 'mine' when this account already holds it.
     */
    claim(referralId: number, accountId: number, via: 'link' | 'phone', birthDate: string): ClaimOutcome {
      return db.transaction((): ClaimOutcome => {
        const row = db.select({ accountId: referrals.accountId, createdAt: referrals.createdAt }).from(referrals).where(eq(referrals.id, referralId)).get();
        if (!row) return 'taken';
        if (row.accountId !== null) return row.accountId === accountId ? 'mine' : 'taken';
        const wrong = wrongBirthDates(referralId, accountId, row.createdAt);
        if (wrong >= BIRTH_DATE_TRIES) return 'refused';
        const now = clock.now();
        const result = db
          .update(referrals)
          .set({ accountId, linkedAt: now })
          .where(and(eq(referrals.id, referralId), isNull(referrals.accountId), eq(referrals.birthDate, birthDate)))
          .run();
        if (result.changes === 1) {
          audit.record({ actor: { type: 'account', id: accountId }, action: 'referral.linked', details: { referralId, via } });
          return 'linked';
        }
        const actor = { type: 'account', id: accountId } as const;
        audit.record({ actor, action: BIRTH_DATE_WRONG, details: { referralId, via, attempt: wrong + 1 } });
        if (wrong + 1 < BIRTH_DATE_TRIES) return 'wrong';
        audit.record({ actor, action: 'referral.birth_date_mismatch', details: { referralId, via, attempts: wrong + 1 } });
        return 'refused';
      });
    },

    /** "This is not me": nothing changes but the record of it, so the manager can tell a wrong phone from silence. */
    notMe(referralId: number, accountId: number, via: 'link' | 'phone'): void {
      audit.record({ actor: { type: 'account', id: accountId }, action: 'referral.not_me', details: { referralId, via } });
    },

    /** A profile of the account that is the referred person already, to link instead of creating a second one. */
    matchingProfile(accountId: number, referralId: number): Patient | undefined {
      const referral = ofAccount(accountId, referralId);
      return deps.patients.list(accountId).find((p) => samePerson(p, referral));
    },

    /** Attaches an existing profile of the account (checked to be its own) to the referral it holds. */
    attachProfile(accountId: number, referralId: number, patientId: number): Patient {
      const referral = ofAccount(accountId, referralId);
      const patient = deps.patients.get(accountId, patientId);
      if (!patient) throw new DomainError('referral_changed');
      attach(accountId, referral, patient.id);
      return patient;
    },

    /** Creates the profile the patient confirmed and attaches it, in one transaction: never a profile without its link. */
    createProfile(accountId: number, referralId: number, data: NewPatient): Patient {
      const referral = ofAccount(accountId, referralId);
      if (referral.patientId !== null) throw new DomainError('referral_changed');
      return db.transaction(() => {
        const patient = deps.patients.create(accountId, data);
        attach(accountId, referral, patient.id);
        return patient;
      });
    },

    /**
     * Submits the referral's application (path 'referral', the diagnosis and ICD-10 code from the row) and records it
     * on the referral. An open referral application of the same profile and center is adopted rather than refused:
     * that is a submission whose record a crash interrupted.
     */
    submit(accountId: number, referralId: number, complaints: string): Application {
      const referral = ofAccount(accountId, referralId);
      if (referral.patientId === null) throw new DomainError('referral_no_profile');
      if (referral.applicationId !== null) throw new DomainError('referral_already_submitted', { id: referral.applicationId });
      const condition = catalog.centers.find((c) => c.code === referral.centerCode)?.conditions.find((c) => c.code === referral.conditionCode);
      let app: Application;
      try {
        app = deps.applications.submit({
          patientId: referral.patientId,
          centerCode: referral.centerCode,
          conditionCode: referral.conditionCode,
          diagnosis: referralDiagnosis(referral, condition?.ru ?? referral.conditionCode),
          complaints,
          path: 'referral',
          actorAccountId: accountId,
        });
      } catch (err) {
        if (!(err instanceof DomainError) || err.code !== 'application_open_exists') throw err;
        const open = deps.applications
          .ofAccount(accountId)
          .find((a) => a.patientId === referral.patientId && a.centerCode === referral.centerCode && OPEN_STATUSES.includes(a.status));
        if (!open) throw err;
        if (open.path !== 'referral' || open.submittedAt < (referral.linkedAt ?? 0)) {
          // The patient's own application to the center is already open: the referral joins it (its doctors see who
          // referred), so it is not left "unfinished" for ever, and the patient is told which one it is.
          record(referral, open, 'referral.joined_open');
          throw new DomainError('application_open_exists', { id: open.id });
        }
        app = open;
      }
      record(referral, app, 'referral.submitted');
      return app;
    },
  };
}

export type ReferralLinking = ReturnType<typeof createReferralLinking>;

/** Who referred the patient of this application, for the doctors' card; undefined when no referral led to it. */
export function referrerOf(db: Db, applicationId: number): { doctor: string | null; organization: string | null } | undefined {
  return db
    .select({ doctor: referrals.referringDoctor, organization: referrals.organization })
    .from(referrals)
    .where(eq(referrals.applicationId, applicationId))
    .get();
}
