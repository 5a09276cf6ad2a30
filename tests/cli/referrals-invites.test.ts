import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clockEnv } from '../support/child-env.js';
import { enqueueSms } from '../../core/sms/outbox.js';
import { openDatabase, type Db } from '../../db/client.js';
import { auditLog, referrals, smsOutbox } from '../../db/schema.js';

// Each test starts real processes (the service or the CLI, a few seconds each under tsx, more on a busy machine):
// the suite's 30 s is for in-process tests.
vi.setConfig({ testTimeout: 180_000 });

const root = path.resolve(import.meta.dirname, '../..');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'oz-cli-ref-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], {
    cwd: root,
    env: { ...clockEnv(), PATH: process.env.PATH ?? '', DATA_DIR: dir, PATIENT_BOT_TOKEN: '7001234567:AAF-cli-test-token-cli-test' },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function withDb<T>(fn: (db: Db) => T): T {
  const db = openDatabase(path.join(dir, 'db.sqlite'));
  try {
    return fn(db);
  } finally {
    db.$client.close();
  }
}

/** Two referrals as an import leaves them; the second one's invite failed, the first is still queued. */
function seed(): void {
  withDb((db) => {
    const add = (n: number, name: string, phone: string, at: number) => {
      const id = db
        .insert(referrals)
        .values({ personKey: `${name}|1961-03-0${n}|${phone}`, fullName: name, birthDate: `1961-03-0${n}`, phone, centerCode: 'bakulev', conditionCode: 'chd', inviteCode: `code${n}abcdefg`.slice(0, 12), createdAt: at })
        .returning({ id: referrals.id })
        .get().id;
      enqueueSms(db, { phone, purpose: 'referral_invite', params: { code: `code${n}abcdefg`.slice(0, 12) }, referralId: id, dedupeKey: `referral_invite:${id}:1` }, at);
      return id;
    };
    add(1, 'Иванова Мария Петровна', '+79123456789', Date.UTC(2026, 10, 24, 9, 0));
    const failed = add(2, 'Петров Иван Сергеевич', '+79991112233', Date.UTC(2026, 10, 25, 9, 0));
    db.update(smsOutbox).set({ state: 'failed', attempts: 1, lastError: 'SMS.ru 207: no delivery route to this number' }).where(eq(smsOutbox.referralId, failed)).run();
    db.update(referrals).set({ inviteState: 'failed', inviteError: 'SMS.ru 207: no delivery route to this number' }).where(eq(referrals.id, failed)).run();
  });
}

describe('admin CLI: referral invites', () => {
  it('lists referrals newest first with their invite state, phones masked; --state narrows; the listing is audited', () => {
    seed();
    const all = cli('referrals', 'list');
    expect(all).toMatchObject({ code: 0, err: '' });
    expect(all.out).toBe(
      [
        '2\tfailed\t-\tinvites 1\tnot linked\t+7******2233\tbakulev\tПетров Иван Сергеевич\tSMS.ru 207: no delivery route to this number',
        '1\tqueued\t-\tinvites 1\tnot linked\t+7******6789\tbakulev\tИванова Мария Петровна\t',
        '',
      ].join('\n'),
    );
    expect(cli('referrals', 'list', '--state', 'failed').out).toMatch(/^2\tfailed\t[^\n]*\n$/);
    expect(cli('referrals', 'list', '--state', 'sent').out).toBe('No referrals with invite state sent.\n');
    const audits = withDb((db) => db.select().from(auditLog).where(eq(auditLog.action, 'referral.invites_listed')).all());
    expect(audits).toHaveLength(3);
    expect(JSON.parse(audits[0]!.details!)).toEqual({ state: 'all', shown: 2, ids: '2,1' });
  });

  it('resend queues a new SMS with the next dedupe key, sets the referral back to queued and records who did it', () => {
    seed();
    const run = cli('referrals', 'resend', '2');
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toMatch(/^Invite 2 for referral 2 queued/);
    const { rows, referral, audit } = withDb((db) => ({
      rows: db.select({ key: smsOutbox.dedupeKey, state: smsOutbox.state, phone: smsOutbox.phone, params: smsOutbox.params }).from(smsOutbox).where(eq(smsOutbox.referralId, 2)).orderBy(asc(smsOutbox.id)).all(),
      referral: db.select({ state: referrals.inviteState, error: referrals.inviteError }).from(referrals).where(eq(referrals.id, 2)).get(),
      audit: db.select().from(auditLog).where(eq(auditLog.action, 'referral.invite_resent')).all(),
    }));
    expect(rows).toEqual([
      { key: 'referral_invite:2:1', state: 'failed', phone: '+79991112233', params: '{"code":"code2abcdefg"}' },
      { key: 'referral_invite:2:2', state: 'queued', phone: '+79991112233', params: '{"code":"code2abcdefg"}' },
    ]);
    expect(referral).toEqual({ state: 'queued', error: null });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: 'system', actorId: null });
    expect(JSON.parse(audit[0]!.details!)).toEqual({ referralId: 2, attempt: 2, previousState: 'failed' });

    // A resend of one still waiting withdraws the waiting SMS: the person gets one, not two.
    expect(cli('referrals', 'resend', '1').code).toBe(0);
    const first = withDb((db) => db.select({ key: smsOutbox.dedupeKey, state: smsOutbox.state, error: smsOutbox.lastError }).from(smsOutbox).where(eq(smsOutbox.referralId, 1)).orderBy(asc(smsOutbox.id)).all());
    expect(first).toEqual([
      { key: 'referral_invite:1:1', state: 'failed', error: 'withdrawn: a newer invite was queued' },
      { key: 'referral_invite:1:2', state: 'queued', error: null },
    ]);
    expect(cli('referrals', 'resend', '2').out).toMatch(/^Invite 3 for referral 2 queued/);
  });

  it('refuses an unknown or linked referral and a malformed id, changing nothing', () => {
    seed();
    withDb((db) => db.update(referrals).set({ linkedAt: Date.now() }).where(eq(referrals.id, 1)).run());
    withDb((db) => db.$client.exec(`INSERT INTO accounts (telegram_id, locale, consent_version, consent_at, created_at) VALUES (5550001, 'ru', 'v1', 0, 0)`));
    withDb((db) => db.update(referrals).set({ accountId: 5550001 }).where(eq(referrals.id, 1)).run());
    expect(cli('referrals', 'resend', '1')).toMatchObject({ code: 2, err: 'Referral 1 is already linked to a Telegram account: the person is in the bot, no invite is needed.\n' });
    expect(cli('referrals', 'resend', '99')).toMatchObject({ code: 2, err: expect.stringMatching(/^No referral 99/) });
    expect(cli('referrals', 'resend', 'two')).toMatchObject({ code: 2, err: expect.stringMatching(/referrals resend <id>/) });
    expect(cli('referrals', 'list', '--state', 'lost')).toMatchObject({ code: 2, err: expect.stringMatching(/--state must be one of queued, sent, failed/) });
    expect(withDb((db) => db.select().from(smsOutbox).all())).toHaveLength(2);
  });
});
