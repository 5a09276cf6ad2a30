import path from 'node:path';
import type { AuditLog } from '../audit.js';
import type { Clock } from '../clock.js';
import type { Db, Writer } from '../../db/client.js';
import { createFileStorage, type FileStorage } from '../documents/storage.js';
import { DomainError } from '../errors.js';
import { enqueue, type OutboxMessage } from '../outbox/repository.js';
import { createChatPhotos } from './photos.js';
import { createDutyChatRepository, type ChatMessage, type DutyChat, type NewChatMessage } from './repository.js';
import { CAPTION_PART, splitText } from './text.js';

export const TO_DOCTOR_TEMPLATE = 'duty_chat_to_doctor';
export const TO_PATIENT_TEMPLATE = 'duty_chat_to_patient';
/** To the patient: a message of theirs never reached the doctor. */
export const UNDELIVERED_TEMPLATE = 'duty_chat_undelivered';

/** Why a chat takes no messages: no such duty consultation of this person, its state, its end, or no doctor to read it. */
export type ChatClosedReason = 'not_found' | 'cancelled' | 'completed' | 'no_show' | 'ended' | 'no_doctor';

export type ChatAccess = { open: true; chat: DutyChat } | { open: false; reason: ChatClosedReason; chat?: DutyChat };

/** A message as someone wrote it: text, a photo (its bytes, still unchecked) with an optional caption, or both. */
export interface IncomingChatMessage {
  text?: string | undefined;
  photo?: Buffer | undefined;
}

/**
 * The duty-doctor chat: open from the booking of a duty consultation until its end while it is scheduled. Every message
 * is stored and its relay is queued in the outbox in the same transaction, so a crash or a Telegram outage delays a
 * message but never loses it; the Telegram message id it is shown under is recorded once sent, and that is how a
 * doctor's reply finds its way back.
 */
export function createDutyChatService(deps: { db: Db; clock: Clock; audit: AuditLog; filesDir: string; storage?: FileStorage }) {
  const { db, clock, audit } = deps;
  const repo = createDutyChatRepository(db);
  // A folder of its own: documents drop files no document references, which would take a chat photo of the same bytes.
  const photos = createChatPhotos(deps.storage ?? createFileStorage(path.join(deps.filesDir, 'duty-chat')));

  function access(chat: DutyChat | undefined): ChatAccess {
    if (!chat || chat.slotKind !== 'duty' || chat.accountId === null) return { open: false, reason: 'not_found' };
    if (chat.status !== 'scheduled') return { open: false, reason: chat.status, chat };
    if (clock.now() >= chat.endsAt) return { open: false, reason: 'ended', chat };
    if (chat.staffTelegramId === null || !chat.staffActive) return { open: false, reason: 'no_doctor', chat };
    return { open: true, chat };
  }

  function patientAccess(accountId: number, consultationId: number): ChatAccess {
    const chat = repo.chat(consultationId);
    // Another account's consultation reads exactly like one that does not exist.
    return chat?.accountId === accountId ? access(chat) : { open: false, reason: 'not_found' };
  }

  const closed = (reason: ChatClosedReason) => new DomainError('chat_closed', { reason });

  /** The rows one written message becomes: a long text in parts, a long caption after its photo. */
  function parts(message: IncomingChatMessage, photoKey: string | null): Array<{ text: string | null; photoKey: string | null }> {
    const text = message.text?.trim() ?? '';
    if (!photoKey) return splitText(text).map((part) => ({ text: part, photoKey: null }));
    if (Array.from(text).length <= CAPTION_PART) return [{ text: text || null, photoKey }];
    return [{ text: null, photoKey }, ...splitText(text).map((part) => ({ text: part, photoKey: null }))];
  }

  async function storePhoto(message: IncomingChatMessage): Promise<string | null> {
    return message.photo ? photos.store(message.photo) : null;
  }

  /** A photo stored for a message that then could not be taken: its file goes unless another message shows it. */
  async function dropStray(photoKey: string | null): Promise<void> {
    if (photoKey && !repo.referencesPhoto(photoKey)) await photos.remove(photoKey);
  }

  function insertAll(tx: Writer, rows: NewChatMessage[], relay: (id: number) => Parameters<typeof enqueue>[1]): number[] {
    const now = clock.now();
    return rows.map((row) => {
      const id = repo.insert(tx, row);
      enqueue(tx, relay(id), now);
      return id;
    });
  }

  return {
    /** Whether this account may write in this consultation's chat now, and if not, why. */
    access: patientAccess,

    /** The account's duty consultations whose chat is open now, soonest first. */
    openChats(accountId: number): DutyChat[] {
      return repo.scheduledDutyChats(accountId, clock.now()).filter((c) => access(c).open);
    },

    /** True for a consultation on a duty slot (path 2): only those have a chat. */
    isDuty(consultationId: number): boolean {
      return repo.chat(consultationId)?.slotKind === 'duty';
    },

    /**
     * Stores a patient's message and queues it for the doctor. A Telegram update delivered twice is stored once.
     * Refusals: chat_closed {reason}, and the photo's (file_too_big, unsupported_type, image_broken, busy, …).
     */
    async fromPatient(
      accountId: number,
      consultationId: number,
      patientMessageId: number,
      message: IncomingChatMessage,
    ): Promise<{ stored: number }> {
      const first = patientAccess(accountId, consultationId);
      if (!first.open) throw closed(first.reason);
      if (repo.hasPatientMessage(consultationId, patientMessageId)) return { stored: 0 };
      const photoKey = await storePhoto(message);
      try {
        const ids = db.transaction((tx) => {
          // The photo took time: the consultation may have been cancelled or ended meanwhile.
          const now = patientAccess(accountId, consultationId);
          if (!now.open) throw closed(now.reason);
          const { chat } = now;
          const staffChatId = chat.staffTelegramId!;
          const rows = parts(message, photoKey).map((part) => ({
            consultationId,
            direction: 'patient' as const,
            ...part,
            patientChatId: accountId,
            patientMessageId,
            staffChatId,
            staffMessageId: null,
            createdAt: clock.now(),
          }));
          return insertAll(tx, rows, (id) => ({
            chatId: staffChatId,
            template: TO_DOCTOR_TEMPLATE,
            params: { chatMessageId: id },
            dedupeKey: `duty-chat:${id}`,
          }));
        });
        return { stored: ids.length };
      } catch (err) {
        await dropStray(photoKey);
        throw err;
      }
    },

    /**
     * A doctor's reply (text or photo) to a message of the chat shown in their staff chat; queued for the patient.
     * Refusals: chat_reply_unknown (not a message of a duty chat), chat_not_yours (another doctor's consultation),
     * chat_closed {reason}, and the photo's.
     */
    async fromDoctor(
      staffId: number,
      staffChatId: number,
      replyToMessageId: number,
      staffMessageId: number,
      message: IncomingChatMessage,
    ): Promise<{ stored: number; chat: DutyChat }> {
      const target = repo.byStaffMessage(staffChatId, replyToMessageId);
      if (!target) throw new DomainError('chat_reply_unknown');
      const check = (): DutyChat => {
        const chat = repo.chat(target.consultationId);
        if (!chat || chat.staffId !== staffId) throw new DomainError('chat_not_yours', { id: target.consultationId });
        const state = access(chat);
        if (!state.open) throw closed(state.reason);
        return chat;
      };
      const chat = check();
      if (repo.byStaffMessage(staffChatId, staffMessageId, false)) return { stored: 0, chat };
      const photoKey = await storePhoto(message);
      try {
        const ids = db.transaction((tx) => {
          const now = check();
          const accountId = now.accountId!;
          const rows = parts(message, photoKey).map((part) => ({
            consultationId: now.consultationId,
            direction: 'doctor' as const,
            ...part,
            patientChatId: accountId,
            patientMessageId: null,
            staffChatId,
            // The doctor's own message: a reply to it later reaches the same patient.
            staffMessageId,
            createdAt: clock.now(),
          }));
          return insertAll(tx, rows, (id) => ({
            chatId: accountId,
            template: TO_PATIENT_TEMPLATE,
            params: { chatMessageId: id },
            dedupeKey: `duty-chat:${id}`,
          }));
        });
        return { stored: ids.length, chat };
      } catch (err) {
        await dropStray(photoKey);
        throw err;
      }
    },

    /** Whether this message of a staff chat is one of the chat's (a patient's message relayed there, or the doctor's answer). */
    isChatMessage(staffChatId: number, staffMessageId: number): boolean {
      return repo.byStaffMessage(staffChatId, staffMessageId) !== undefined;
    },

    /** A stored message with its consultation, for rendering its relay. */
    message(id: number): { message: ChatMessage; chat: DutyChat } | undefined {
      const message = repo.get(id);
      const chat = message && repo.chat(message.consultationId);
      return message && chat ? { message, chat } : undefined;
    },

    /**
     * Messages relayed to this staff chat by a resend after an interrupted attempt, with the resent copy's message id: the
     * first copy may have arrived too, under an id never learnt, and a doctor's reply to it must still find its patient.
     */
    resentToDoctor(staffChatId: number): Array<{ message: ChatMessage; chat: DutyChat; staffMessageId: number }> {
      return repo.resentToDoctor(staffChatId).flatMap(({ id, messageId }) => {
        const found = this.message(id);
        return found && found.message.direction === 'patient' ? [{ ...found, staffMessageId: messageId }] : [];
      });
    },

    readPhoto: (key: string) => photos.read(key),

    /**
     * Telegram accepted the relay of a patient's message to the doctor: its message id (what the doctor replies to) is
     * kept, and the doctor's access to the patient's words is audited, once per message shown.
     */
    relayedToDoctor(id: number, staffMessageId: number): void {
      const found = this.message(id);
      if (!found) return;
      db.transaction(() => {
        repo.setStaffMessage(id, staffMessageId);
        audit.record({
          actor: { type: 'staff', id: found.chat.staffId },
          action: 'duty_chat.message_relayed',
          patientId: found.chat.patientId,
          details: { consultationId: found.chat.consultationId, chatMessageId: id, photo: found.message.photoKey !== null },
        });
      });
    },

    /**
     * The relay of this patient's message to the doctor failed for good: the notice that tells the patient so, since they
     * were told «passed to the doctor» and may be waiting for an answer. One per written message, however many parts.
     * `inDoubt`: an earlier attempt may have arrived (its answer was lost), and the notice says so.
     */
    undeliveredNotice(id: number, inDoubt = false): OutboxMessage | undefined {
      const message = repo.get(id);
      if (!message || message.direction !== 'patient') return undefined;
      return {
        chatId: message.patientChatId,
        template: UNDELIVERED_TEMPLATE,
        // inDoubt: an earlier attempt's answer was lost, so the doctor may have it after all.
        params: { chatMessageId: id, inDoubt },
        dedupeKey: `duty-chat:undelivered:${message.consultationId}:${message.patientMessageId ?? `m${id}`}`,
      };
    },

    relayedToPatient(id: number, patientMessageId: number): void {
      repo.setPatientMessage(id, patientMessageId);
    },

    /** Every stored message of a consultation, oldest first. */
    history: (consultationId: number) => repo.ofConsultation(consultationId),

    /**
     * For account deletion: the chat messages of these patients and their photos that no one else's chat shows. Call it
     * before the patient rows go: their cascade would drop the rows and orphan the files.
     */
    async removeAllForPatients(patientIds: readonly number[]): Promise<number> {
      const { leaving, staying } = repo.photoKeysOfPatients(patientIds);
      for (const key of leaving) if (!staying.has(key)) await photos.remove(key);
      return repo.deleteOfPatients(patientIds);
    },
  };
}

export type DutyChatService = ReturnType<typeof createDutyChatService>;
