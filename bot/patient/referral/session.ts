/**
 * A referral being opened or completed, kept in the chat's session (SQLite): the invite code survives the consent
 * step, and the complaints survive leaving to upload a document or a restart.
 */
export interface ReferralSession {
  /** An invite opened before consent was given; looked up again once it is. */
  code?: string;
  /** The referral offered to this chat (by its invite or a verified phone) or being completed. */
  referralId?: number;
  via?: 'link' | 'phone';
  /** The person's own number from the contact button that matched the referral: the profile's phone is verified. */
  verifiedPhone?: string;
  /** Given after the profile, before the documents; sent with the application. */
  complaints?: string;
  /** The checklist's one message: an upload's progress and its Done edit it instead of posting it again. */
  checklistMessageId?: number;
}
