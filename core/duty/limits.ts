/** The booking rules of duty consultations; config (BOOKING_MIN_NOTICE_MINUTES, …) sets them. */
export interface DutyLimits {
  /** No booking closer than this to the start. */
  bookingMinNoticeMinutes: number;
  /** A patient may cancel (or move) a duty booking until this long before the start. */
  cancelMinNoticeMinutes: number;
  /** Scheduled duty consultations, not yet over, one profile may hold at once. */
  maxActiveDutyBookings: number;
  /** How far ahead slots are generated and offered. */
  daysAhead: number;
}

export const DEFAULT_DUTY_LIMITS: DutyLimits = {
  bookingMinNoticeMinutes: 60,
  cancelMinNoticeMinutes: 120,
  maxActiveDutyBookings: 2,
  daysAhead: 21,
};

/** The patient's link opens this long before the start (and works until the end). */
export const JOIN_OPENS_MINUTES_BEFORE = 10;
