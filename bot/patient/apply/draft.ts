/**
 * An application being filled in, kept in the chat's session (SQLite) rather than in a conversation: a person may
 * leave to upload a missing document, or the bot may restart, and nothing typed is lost. Fields fill in order.
 */
export interface ApplyDraft {
  patientId: number;
  centerCode?: string;
  conditionCode?: string;
  diagnosis?: string;
  complaints?: string;
  /** The text the bot is waiting for; cleared when the person leaves for another command or menu button. */
  awaiting?: 'diagnosis' | 'complaints';
  /** Telegram date (seconds) of the last text refused as too long; see the apply feature on split messages. */
  refusedAt?: number;
  /** The checklist's one message: later views of it (an upload's progress, Done) edit it instead of posting it again. */
  checklistMessageId?: number;
}
