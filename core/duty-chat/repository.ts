import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db, Writer } from '../../db/client.js';
import { consultations, dutyChatMessages, patients, slots, staff } from '../../db/schema.js';
import { RESENT_IN_DOUBT } from '../outbox/report.js';

export type ChatDirection = 'patient' | 'doctor';

/** A duty consultation as the chat needs it: who writes to whom, and until when. */
export interface DutyChat {
  consultationId: number;
  patientId: number;
  patientName: string;
  patientTimeZone: string;
  accountId: number | null;
  staffId: number;
  staffName: string;
  staffTimeZone: string;
  staffTelegramId: number | null;
  staffActive: boolean;
  slotKind: 'duty' | 'application';
  status: 'scheduled' | 'completed' | 'cancelled' | 'no_show';
  startsAt: number;
  endsAt: number;
}

export interface ChatMessage {
  id: number;
  consultationId: number;
  direction: ChatDirection;
  text: string | null;
  photoKey: string | null;
  patientChatId: number;
  patientMessageId: number | null;
  staffChatId: number;
  staffMessageId: number | null;
  createdAt: number;
}

export type NewChatMessage = Omit<ChatMessage, 'id'>;

const chatColumns = {
  consultationId: consultations.id,
  patientId: consultations.patientId,
  patientName: patients.fullName,
  patientTimeZone: patients.timeZone,
  accountId: patients.accountId,
  staffId: consultations.staffId,
  staffName: staff.name,
  staffTimeZone: staff.timeZone,
  staffTelegramId: staff.telegramId,
  staffActive: staff.active,
  slotKind: slots.kind,
  status: consultations.status,
  startsAt: slots.startsAt,
  endsAt: slots.endsAt,
};

export function createDutyChatRepository(db: Db) {
  const chats = () =>
    db
      .select(chatColumns)
      .from(consultations)
      .innerJoin(slots, eq(slots.id, consultations.slotId))
      .innerJoin(patients, eq(patients.id, consultations.patientId))
      .innerJoin(staff, eq(staff.id, consultations.staffId));

  // The sender records the Telegram message id on the outbox row before the onSent hook copies it here; a crash in
  // between leaves it only there. Read straight from the outbox so a doctor's reply to such a message still maps.
  const relayedByOutbox = db.$client.prepare<[number, number], { id: number }>(
    `select json_extract(params, '$.chatMessageId') as id from outbox
      where bot = 'staff' and chat_id = ? and message_id = ? and template = 'duty_chat_to_doctor' and sent_at is not null`,
  );

  // Relays sent again because an earlier attempt may have arrived: that first copy's message id was never learnt.
  const resentToDoctor = db.$client.prepare<[number], { id: number; messageId: number }>(
    `select json_extract(params, '$.chatMessageId') as id, message_id as messageId from outbox
      where bot = 'staff' and chat_id = ? and template = 'duty_chat_to_doctor' and sent_at is not null
        and message_id is not null and last_error like '${RESENT_IN_DOUBT}%'`,
  );

  return {
    /** The chat messages relayed to this staff chat by a resend, with the message id Telegram gave the resent copy. */
    resentToDoctor(staffChatId: number): Array<{ id: number; messageId: number }> {
      return resentToDoctor.all(staffChatId).map((r) => ({ id: Number(r.id), messageId: r.messageId }));
    },

    chat(consultationId: number): DutyChat | undefined {
      return chats().where(eq(consultations.id, consultationId)).get();
    },

    /** The account's duty consultations still scheduled and not yet over, soonest first. */
    scheduledDutyChats(accountId: number, now: number): DutyChat[] {
      return chats()
        .where(and(eq(patients.accountId, accountId), eq(slots.kind, 'duty'), eq(consultations.status, 'scheduled')))
        .all()
        .filter((c) => c.endsAt > now)
        .sort((a, b) => a.startsAt - b.startsAt);
    },

    insert(tx: Writer, message: NewChatMessage): number {
      return tx.insert(dutyChatMessages).values(message).returning({ id: dutyChatMessages.id }).get().id;
    },

    get(id: number): ChatMessage | undefined {
      return db.select().from(dutyChatMessages).where(eq(dutyChatMessages.id, id)).get();
    },

    /**
     * The stored message that Telegram shows in this staff chat under this message id. `recover` also looks in the
     * outbox (a scan of its rows for the chat, so only for replies, not on every message).
     */
    byStaffMessage(staffChatId: number, staffMessageId: number, recover = true): ChatMessage | undefined {
      const found = db
        .select()
        .from(dutyChatMessages)
        .where(and(eq(dutyChatMessages.staffChatId, staffChatId), eq(dutyChatMessages.staffMessageId, staffMessageId)))
        .get();
      if (found || !recover) return found;
      const viaOutbox = relayedByOutbox.get(staffChatId, staffMessageId);
      return viaOutbox ? this.get(Number(viaOutbox.id)) : undefined;
    },

    /** A Telegram update delivered twice (a webhook retried) must not relay the same message twice. */
    hasPatientMessage(consultationId: number, patientMessageId: number): boolean {
      return (
        db
          .select({ id: dutyChatMessages.id })
          .from(dutyChatMessages)
          .where(
            and(
              eq(dutyChatMessages.consultationId, consultationId),
              eq(dutyChatMessages.direction, 'patient'),
              eq(dutyChatMessages.patientMessageId, patientMessageId),
            ),
          )
          .get() !== undefined
      );
    },

    referencesPhoto(photoKey: string): boolean {
      return db.select({ id: dutyChatMessages.id }).from(dutyChatMessages).where(eq(dutyChatMessages.photoKey, photoKey)).get() !== undefined;
    },

    setStaffMessage(id: number, staffMessageId: number): void {
      db.update(dutyChatMessages).set({ staffMessageId }).where(eq(dutyChatMessages.id, id)).run();
    },

    setPatientMessage(id: number, patientMessageId: number): void {
      db.update(dutyChatMessages).set({ patientMessageId }).where(eq(dutyChatMessages.id, id)).run();
    },

    ofConsultation(consultationId: number): ChatMessage[] {
      return db.select().from(dutyChatMessages).where(eq(dutyChatMessages.consultationId, consultationId)).orderBy(dutyChatMessages.id).all();
    },

    /** Photo keys of these patients' chats, and of everyone else's chats, for deleting files no one else needs. */
    photoKeysOfPatients(patientIds: readonly number[]): { leaving: string[]; staying: Set<string> } {
      if (patientIds.length === 0) return { leaving: [], staying: new Set() };
      const rows = db
        .select({ key: dutyChatMessages.photoKey, patientId: consultations.patientId })
        .from(dutyChatMessages)
        .innerJoin(consultations, eq(consultations.id, dutyChatMessages.consultationId))
        .where(isNotNull(dutyChatMessages.photoKey))
        .all()
        .filter((r): r is { key: string; patientId: number } => r.key !== null);
      const ids = new Set(patientIds);
      return {
        leaving: [...new Set(rows.filter((r) => ids.has(r.patientId)).map((r) => r.key))],
        staying: new Set(rows.filter((r) => !ids.has(r.patientId)).map((r) => r.key)),
      };
    },

    deleteOfPatients(patientIds: readonly number[]): number {
      if (patientIds.length === 0) return 0;
      const ids = db.select({ id: consultations.id }).from(consultations).where(inArray(consultations.patientId, [...patientIds])).all();
      if (ids.length === 0) return 0;
      return db
        .delete(dutyChatMessages)
        .where(inArray(dutyChatMessages.consultationId, ids.map((r) => r.id)))
        .run().changes;
    },
  };
}

export type DutyChatRepository = ReturnType<typeof createDutyChatRepository>;
