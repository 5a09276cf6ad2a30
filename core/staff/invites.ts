import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { staff, staffInvites } from '../../db/schema.js';
import type { AuditLog } from '../audit.js';
import type { Catalog } from '../catalog/index.js';
import type { Clock } from '../clock.js';
import { DomainError } from '../errors.js';
import type { StaffMember, StaffRepository, StaffRole } from './repository.js';

export const INVITE_PREFIX = 'inv_';
export const DEFAULT_INVITE_TTL_HOURS = 72;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Roles that act for one center need it named; managers and admins see the whole service. */
const ROLES_WITH_CENTER: readonly StaffRole[] = ['doctor'];

export function createStaffInvites(deps: { db: Db; staff: StaffRepository; clock: Clock; audit: AuditLog; catalog: Catalog }) {
  const { db, clock, audit, catalog } = deps;
  return {
    /** Creates the staff member and a single-use invite; the token goes into the staff bot's deep link. */
    create(input: { name: string; role: StaffRole; centerCode?: string | null; ttlHours?: number }) {
      const name = input.name.trim();
      if (name.length < 2 || name.length > 120) throw new DomainError('staff_name_invalid');
      const centerCode = input.centerCode ?? null;
      if (centerCode && !catalog.centers.some((c) => c.code === centerCode)) throw new DomainError('unknown_center', { center: centerCode });
      if (ROLES_WITH_CENTER.includes(input.role) && !centerCode) throw new DomainError('center_required');
      // Telegram deep-link payloads allow 64 of [A-Za-z0-9_-]: 24 random bytes are 32 of them.
      const token = randomBytes(24).toString('base64url');
      const expiresAt = clock.now() + (input.ttlHours ?? DEFAULT_INVITE_TTL_HOURS) * 3600_000;
      const member = db.transaction((tx) => {
        const created = deps.staff.insert({ name, role: input.role, centerCode });
        tx.insert(staffInvites).values({ tokenHash: hash(token), staffId: created.id, expiresAt }).run();
        return created;
      });
      audit.record({ actor: { type: 'system' }, action: 'staff.invited', details: { staffId: member.id, role: input.role } });
      return { staff: member, payload: `${INVITE_PREFIX}${token}`, expiresAt };
    },

    /** Uses an invite for a Telegram account: exactly once, before it expires. */
    accept(payload: string, telegramId: number): StaffMember {
      if (!payload.startsWith(INVITE_PREFIX)) throw new DomainError('invite_invalid');
      const tokenHash = hash(payload.slice(INVITE_PREFIX.length));
      const now = clock.now();
      return db.transaction((tx) => {
        const invite = tx.select().from(staffInvites).where(eq(staffInvites.tokenHash, tokenHash)).get();
        if (!invite) throw new DomainError('invite_invalid');
        if (invite.usedAt !== null) throw new DomainError('invite_used');
        if (invite.expiresAt <= now) throw new DomainError('invite_expired');
        const taken = tx.select({ id: staff.id }).from(staff).where(eq(staff.telegramId, telegramId)).get();
        if (taken) throw new DomainError('already_staff');
        const used = tx
          .update(staffInvites)
          .set({ usedAt: now })
          .where(and(eq(staffInvites.id, invite.id), isNull(staffInvites.usedAt), gt(staffInvites.expiresAt, now)))
          .run();
        if (used.changes !== 1) throw new DomainError('invite_used');
        tx.update(staff).set({ telegramId }).where(eq(staff.id, invite.staffId)).run();
        audit.record({ actor: { type: 'staff', id: invite.staffId }, action: 'staff.joined', details: { staffId: invite.staffId } });
        return deps.staff.byId(invite.staffId)!;
      });
    },

  };
}

export type StaffInvites = ReturnType<typeof createStaffInvites>;
