import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { accounts } from '../../db/schema.js';

export interface Account {
  telegramId: number;
  locale: string;
  consentVersion: string;
  consentAt: number;
  phone: string | null;
  phoneVerified: boolean;
}

const columns = {
  telegramId: accounts.telegramId,
  locale: accounts.locale,
  consentVersion: accounts.consentVersion,
  consentAt: accounts.consentAt,
  phone: accounts.phone,
  phoneVerified: accounts.phoneVerified,
};

export function createAccountRepository(db: Db) {
  const localeStmt = db.$client.prepare<[number], { locale: string }>('select locale from accounts where telegram_id = ?');
  return {
    find(telegramId: number): Account | undefined {
      return db.select(columns).from(accounts).where(eq(accounts.telegramId, telegramId)).get();
    },
    /** Hot path (every update): a prepared statement, no query building. */
    locale(telegramId: number): string | undefined {
      return localeStmt.get(telegramId)?.locale;
    },
    upsertConsent(telegramId: number, locale: string, version: string, at: number): void {
      db.insert(accounts)
        .values({ telegramId, locale, consentVersion: version, consentAt: at })
        .onConflictDoUpdate({ target: accounts.telegramId, set: { consentVersion: version, consentAt: at } })
        .run();
    },
    setLocale(telegramId: number, locale: string): void {
      db.update(accounts).set({ locale }).where(eq(accounts.telegramId, telegramId)).run();
    },
    setPhone(telegramId: number, phone: string, verified: boolean): void {
      db.update(accounts).set({ phone, phoneVerified: verified }).where(eq(accounts.telegramId, telegramId)).run();
    },
    delete(telegramId: number): void {
      db.delete(accounts).where(eq(accounts.telegramId, telegramId)).run();
    },
  };
}

export type AccountRepository = ReturnType<typeof createAccountRepository>;
