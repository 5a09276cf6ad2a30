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
