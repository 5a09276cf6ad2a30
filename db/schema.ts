import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Times are stored as UTC milliseconds since the epoch; dates without time (birth dates) as YYYY-MM-DD.
const createdAt = () =>
  integer('created_at', { mode: 'number' })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

/** One Telegram user of the patient bot. Exists only after consent was given. */
export const accounts = sqliteTable('accounts', {
  telegramId: integer('telegram_id').primaryKey(),
  locale: text('locale').notNull().default('ru'),
  consentVersion: text('consent_version').notNull(),
  consentAt: integer('consent_at').notNull(),
  phone: text('phone'),
  phoneVerified: integer('phone_verified', { mode: 'boolean' }).notNull().default(false),
  reachable: integer('reachable', { mode: 'boolean' }).notNull().default(true),
  createdAt: createdAt(),
});

/** A person under care. A referred patient may exist before any account links to it. */
export const patients = sqliteTable(
  'patients',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id').references(() => accounts.telegramId, { onDelete: 'cascade' }),
    relation: text('relation', { enum: ['self', 'child', 'relative'] }).notNull(),
    fullName: text('full_name').notNull(),
    birthDate: text('birth_date').notNull(),
    phone: text('phone'),
    phoneVerified: integer('phone_verified', { mode: 'boolean' }).notNull().default(false),
    regionCode: text('region_code').notNull(),
    timeZone: text('time_zone').notNull(),
    createdAt: createdAt(),
    deletedAt: integer('deleted_at'),
  },
  (t) => [index('patients_account_idx').on(t.accountId)],
);

/** A medical document of one patient. The bytes live in content-addressed storage under storage_key. */
export const documents = sqliteTable(
  'documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    patientId: integer('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    mime: text('mime').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    thumbnailKey: text('thumbnail_key'),
    pageCount: integer('page_count').notNull().default(1),
    width: integer('width'),
    height: integer('height'),
    originalName: text('original_name'),
    telegramFileUniqueId: text('telegram_file_unique_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('documents_patient_idx').on(t.patientId),
    // The same upload twice for one patient is one document; the unique index makes it race-free.
    uniqueIndex('documents_patient_sha_uq').on(t.patientId, t.sha256),
    index('documents_storage_idx').on(t.storageKey),
    index('documents_thumbnail_idx').on(t.thumbnailKey),
  ],
);

/** grammY session and conversation state, so a restart resumes where each chat was. */
export const botState = sqliteTable('bot_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Who saw or changed which patient's data. Holds no health data itself. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    actorType: text('actor_type', { enum: ['account', 'staff', 'system'] }).notNull(),
    actorId: integer('actor_id'),
    action: text('action').notNull(),
    patientId: integer('patient_id'),
    details: text('details'),
  },
  (t) => [index('audit_patient_idx').on(t.patientId), index('audit_at_idx').on(t.at)],
);

/** A doctor, duty doctor, manager or admin. Exists from the invite; telegram_id is set when the invite is used. */
export const staff = sqliteTable(
  'staff',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    telegramId: integer('telegram_id'),
    name: text('name').notNull(),
    role: text('role', { enum: ['doctor', 'duty_doctor', 'manager', 'admin'] }).notNull(),
    centerCode: text('center_code'),
    timeZone: text('time_zone').notNull().default('Europe/Moscow'),
    locale: text('locale').notNull().default('ru'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** What a duty doctor answers about; patients pick a specialty, then a slot. Null for everyone else. */
    specialty: text('specialty', { enum: ['cardiology', 'gynecology'] }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('staff_telegram_uq').on(t.telegramId)],
);

/** Single-use, expiring invites into the staff bot. Only a hash of the token is kept. */
export const staffInvites = sqliteTable('staff_invites', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  tokenHash: text('token_hash').notNull().unique(),
  staffId: integer('staff_id')
    .notNull()
    .references(() => staff.id, { onDelete: 'cascade' }),
  expiresAt: integer('expires_at').notNull(),
  usedAt: integer('used_at'),
  createdAt: createdAt(),
});

/** A patient's application to a center (path own or referral). */
export const applications = sqliteTable(
  'applications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    patientId: integer('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    centerCode: text('center_code').notNull(),
    conditionCode: text('condition_code').notNull(),
    diagnosis: text('diagnosis').notNull(),
    complaints: text('complaints').notNull(),
    path: text('path', { enum: ['own', 'referral'] }).notNull().default('own'),
    status: text('status', {
      enum: ['submitted', 'in_review', 'needs_documents', 'scheduled', 'declined', 'withdrawn', 'completed'],
    }).notNull(),
    assignedStaffId: integer('assigned_staff_id').references(() => staff.id),
    /** JSON array of document kinds the doctor asked for. */
    requestedKinds: text('requested_kinds'),
    requestComment: text('request_comment'),
    declineReason: text('decline_reason'),
    submittedAt: integer('submitted_at').notNull(),
    takenAt: integer('taken_at'),
    scheduledAt: integer('scheduled_at'),
    closedAt: integer('closed_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('applications_patient_idx').on(t.patientId),
    index('applications_center_status_idx').on(t.centerCode, t.status),
  ],
);

/** The staff-bot messages that announced an application, so they can be updated when one doctor takes it. */
export const applicationNotices = sqliteTable(
  'application_notices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    chatId: integer('chat_id').notNull(),
    messageId: integer('message_id').notNull(),
  },
  (t) => [uniqueIndex('application_notices_uq').on(t.applicationId, t.staffId)],
);

/** A doctor's time. Application slots are created when a doctor schedules; duty slots come from templates. */
export const slots = sqliteTable(
  'slots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    kind: text('kind', { enum: ['duty', 'application'] }).notNull(),
    /** The duty template that generated it; null for one-off slots. No foreign key: adding one would rebuild this table. */
    templateId: integer('template_id'),
    /**
     * A closed duty slot is no longer offered. 'schedule': a day off or a template change closed it, and generating
     * reopens it when the schedule wants it again; 'doctor': closed by hand (or by the doctor's cancellation), for good.
     * Closed rather than deleted when a cancelled consultation still points at it.
     */
    closedAt: integer('closed_at'),
    closedReason: text('closed_reason', { enum: ['schedule', 'doctor'] }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('slots_staff_start_uq').on(t.staffId, t.startsAt), index('slots_start_idx').on(t.startsAt)],
);

/** A duty doctor's weekly hours, in the doctor's own zone; slots are generated from these a few weeks ahead. */
export const dutyTemplates = sqliteTable(
  'duty_templates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    /** ISO weekday: 1 Monday … 7 Sunday. */
    weekday: integer('weekday').notNull(),
    /** HH:MM wall-clock time in the doctor's zone; to_time may be 24:00. */
    fromTime: text('from_time').notNull(),
    toTime: text('to_time').notNull(),
    slotMinutes: integer('slot_minutes').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('duty_templates_staff_idx').on(t.staffId)],
);

/** A duty doctor's day off (a date of the doctor's own calendar): no slots that day. */
export const dutyExceptions = sqliteTable(
  'duty_exceptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    date: text('date').notNull(),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('duty_exceptions_staff_date_uq').on(t.staffId, t.date)],
);

export const consultations = sqliteTable(
  'consultations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    patientId: integer('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id),
    slotId: integer('slot_id')
      .notNull()
      .references(() => slots.id),
    applicationId: integer('application_id').references(() => applications.id, { onDelete: 'set null' }),
    mode: text('mode', { enum: ['video', 'audio'] }).notNull(),
    status: text('status', { enum: ['scheduled', 'completed', 'cancelled', 'no_show'] }).notNull(),
    room: text('room').notNull().unique(),
    cancelledBy: text('cancelled_by', { enum: ['patient', 'staff'] }),
    /** The doctor's words when they cancel, shown to the patient. */
    cancelReason: text('cancel_reason'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    // One active consultation per slot, enforced by the database: two bookings of one slot cannot both win.
    uniqueIndex('consultations_active_slot_uq').on(t.slotId).where(sql`status = 'scheduled'`),
    index('consultations_patient_idx').on(t.patientId),
    index('consultations_staff_idx').on(t.staffId),
  ],
);

export const conclusions = sqliteTable('conclusions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  consultationId: integer('consultation_id')
    .notNull()
    .unique()
    .references(() => consultations.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  outcome: text('outcome').notNull(),
  recommendations: text('recommendations').notNull(),
  verificationCode: text('verification_code').notNull().unique(),
  pdfKey: text('pdf_key').notNull(),
  createdAt: createdAt(),
});

/**
 * Every message to a person that is not a direct reply, written in the same transaction as the state change
 * and sent by the outbox sender, so a crash between the two loses nothing.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bot: text('bot', { enum: ['patient', 'staff'] }).notNull(),
    chatId: integer('chat_id').notNull(),
    /** A message template known to the sender (bot/notifications), rendered in the recipient's language. */
    template: text('template').notNull(),
    params: text('params').notNull(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    sentAt: integer('sent_at'),
    failedAt: integer('failed_at'),
    lastError: text('last_error'),
    /** The message Telegram returned, for later edits. */
    messageId: integer('message_id'),
    /**
     * Set just before the Bot API call and cleared by marking the outcome: a row found with it set after a restart
     * was in flight when the process died, so the sender can tell "maybe delivered" from "never tried".
     */
    sendingAt: integer('sending_at'),
    /**
     * The sender process that claimed the row (lease_owner) and until when (lease_until): claimed in one conditional
     * UPDATE, so two senders on one database never both send it; a crashed owner's rows are free again once the lease
     * runs out. Cleared with the outcome.
     */
    leaseOwner: text('lease_owner'),
    leaseUntil: integer('lease_until'),
    createdAt: createdAt(),
  },
  (t) => [
    index('outbox_due_idx').on(t.sentAt, t.failedAt, t.nextAttemptAt),
    // The messages about one consultation, found when its state changes to edit their buttons
    // (core/outbox/consultation-buttons.ts); without it every cancel and cut-off scans the whole outbox.
    index('outbox_consultation_idx').on(sql`json_extract(${t.params}, '$.consultationId')`),
  ],
);

/**
 * A patient who found no free duty slot on a day of their own calendar and asked to be told when one frees up.
 * [from_at, to_at) is that day in the patient's zone as it was when they asked, so matching a slot is a range test.
 */
export const waitlist = sqliteTable(
  'waitlist',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    patientId: integer('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    specialty: text('specialty', { enum: ['cardiology', 'gynecology'] }).notNull(),
    date: text('date').notNull(),
    fromAt: integer('from_at').notNull(),
    toAt: integer('to_at').notNull(),
    createdAt: integer('created_at').notNull(),
    notifiedAt: integer('notified_at'),
    notifiedSlotId: integer('notified_slot_id'),
  },
  (t) => [
    // Asking twice for the same day is one entry while it waits.
    uniqueIndex('waitlist_waiting_uq').on(t.patientId, t.specialty, t.date).where(sql`notified_at is null`),
    index('waitlist_queue_idx').on(t.specialty, t.notifiedAt, t.fromAt),
  ],
);

/** One loaded referral table (path 3): who loaded which file, and what came of it. */
export const referralImports = sqliteTable('referral_imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull(),
  /** The staff member who sent it to the staff bot; null when loaded from the CLI. */
  staffId: integer('staff_id').references(() => staff.id, { onDelete: 'set null' }),
  imported: integer('imported').notNull(),
  known: integer('known').notNull(),
  rejected: integer('rejected').notNull(),
  createdAt: integer('created_at').notNull(),
});

/**
 * A patient referred by a regional physician. It lives before any Telegram account exists; the invite code in
 * the SMS deep link (or a verified phone that matches) links it to an account's patient profile.
 */
export const referrals = sqliteTable(
  'referrals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    importId: integer('import_id').references(() => referralImports.id, { onDelete: 'set null' }),
    /** lower(full name) | birth date | phone: the same person from a later file is "already known", not a new row. */
    personKey: text('person_key').notNull().unique(),
    fullName: text('full_name').notNull(),
    birthDate: text('birth_date').notNull(),
    /** E.164. */
    phone: text('phone').notNull(),
    centerCode: text('center_code').notNull(),
    conditionCode: text('condition_code').notNull(),
    diagnosis: text('diagnosis'),
    icd10: text('icd10'),
    referringDoctor: text('referring_doctor'),
    organization: text('organization'),
    /** A federal subject code when the table's region matched one; the text as written otherwise. */
    regionCode: text('region_code'),
    regionText: text('region_text'),
    /** The deep-link payload's secret part; unguessable, single owner. */
    inviteCode: text('invite_code').notNull().unique(),
    inviteState: text('invite_state', { enum: ['queued', 'sent', 'failed'] }).notNull().default('queued'),
    inviteSentAt: integer('invite_sent_at'),
    inviteError: text('invite_error'),
    /** Set when a Telegram account confirmed the referral; a second account can never take it. */
    accountId: integer('account_id').references(() => accounts.telegramId, { onDelete: 'set null' }),
    patientId: integer('patient_id').references(() => patients.id, { onDelete: 'set null' }),
    linkedAt: integer('linked_at'),
    applicationId: integer('application_id').references(() => applications.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('referrals_phone_idx').on(t.phone), index('referrals_account_idx').on(t.accountId)],
);

/**
 * Every SMS, queued in the same transaction as what it reports and sent by the SMS sender through the configured
 * gateway; the state is what the manager and the staff see.
 */
export const smsOutbox = sqliteTable(
  'sms_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** E.164. */
    phone: text('phone').notNull(),
    /** What it is for ('referral_invite', 'notice_fallback', …): the sender renders the text from it and params. */
    purpose: text('purpose').notNull(),
    /** JSON; never health details, an SMS is read by whoever holds the phone. */
    params: text('params').notNull(),
    /** The text as it was sent, for the record. */
    text: text('text'),
    referralId: integer('referral_id').references(() => referrals.id, { onDelete: 'set null' }),
    dedupeKey: text('dedupe_key').notNull().unique(),
    state: text('state', { enum: ['queued', 'sent', 'failed'] }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    providerMessageId: text('provider_message_id'),
    lastError: text('last_error'),
    sentAt: integer('sent_at'),
    /**
     * The sender process that claimed the row (lease_owner) and until when (lease_until): claimed in one conditional
     * UPDATE, so two senders on one database never both send it; a crashed owner's rows are free again once the lease
     * runs out. Cleared with the outcome.
     */
    leaseOwner: text('lease_owner'),
    leaseUntil: integer('lease_until'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('sms_outbox_due_idx').on(t.state, t.nextAttemptAt)],
);

/**
 * Time-driven jobs (reminders, digests, triage SLA) remember here what they last covered, so a restart
 * neither skips nor repeats; each message they queue also carries an outbox dedupe key.
 */
export const jobRuns = sqliteTable('job_runs', {
  name: text('name').primaryKey(),
  lastRunAt: integer('last_run_at').notNull(),
});

/** The duty-doctor chat of one consultation: every message both ways, and where it was relayed to. */
export const dutyChatMessages = sqliteTable(
  'duty_chat_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: ['patient', 'doctor'] }).notNull(),
    text: text('text'),
    /** A photo, kept in the document storage (content-addressed key). */
    photoKey: text('photo_key'),
    /** The patient's chat and message, and the staff chat and message it was relayed to (or came from). */
    patientChatId: integer('patient_chat_id').notNull(),
    patientMessageId: integer('patient_message_id'),
    staffChatId: integer('staff_chat_id').notNull(),
    staffMessageId: integer('staff_message_id'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('duty_chat_consultation_idx').on(t.consultationId),
    index('duty_chat_staff_msg_idx').on(t.staffChatId, t.staffMessageId),
  ],
);

/**
 * One row whose counter triggers (migration 0004) bump on every change to the tables the Mini App's hot reads use
 * (accounts, patients, consultations, slots, staff, applications, conclusions), from any connection or process.
 * Reads cached by it are never stale: a changed counter drops them.
 */
export const readGeneration = sqliteTable('read_generation', {
  id: integer('id').primaryKey(),
  n: integer('n').notNull(),
});

/**
 * A pass into a consultation's room page: a one-time ticket (in the /room link, minutes long) exchanged once for a room
 * session (held by the open page, until the call's window closes) that reports the call's events. Only SHA-256 hashes of
 * both are stored, so a copy of the database opens no room.
 */
export const roomPasses = sqliteTable(
  'room_passes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    side: text('side', { enum: ['doctor', 'patient'] }).notNull(),
    /** The staff member or the patient the pass was made for. */
    personId: integer('person_id').notNull(),
    ticketHash: text('ticket_hash').notNull().unique(),
    ticketExpiresAt: integer('ticket_expires_at').notNull(),
    usedAt: integer('used_at'),
    sessionHash: text('session_hash').unique(),
    sessionExpiresAt: integer('session_expires_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('room_passes_consultation_idx').on(t.consultationId)],
);

/** Who was in a consultation's call and when, from the room page's own events: first join and last leave per side. */
export const callAttendance = sqliteTable('call_attendance', {
  consultationId: integer('consultation_id')
    .primaryKey()
    .references(() => consultations.id, { onDelete: 'cascade' }),
  doctorJoinedAt: integer('doctor_joined_at'),
  doctorLeftAt: integer('doctor_left_at'),
  patientJoinedAt: integer('patient_joined_at'),
  patientLeftAt: integer('patient_left_at'),
  /** When either side's page first switched the call to audio only (a link too weak for video). */
  audioOnlyAt: integer('audio_only_at'),
});
