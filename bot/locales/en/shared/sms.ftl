## sms
# SMS texts. Read by whoever holds the phone: no health details, no diagnosis, no hint of a center's specialty.
# Only GSM-7 characters (no dashes, quotes or Cyrillic), so a text is one 160-character segment.
sms-referral-invite = Oblako Zdorovya: a referral for an online consultation awaits you. Open: { $link }
sms-notice-scheduled = Oblako Zdorovya: your consultation is scheduled for { $date } { $time } { $zone }. Details in Telegram.
sms-notice-cancelled = Oblako Zdorovya: your consultation on { $date } { $time } { $zone } is cancelled. Details in Telegram.
sms-notice-rescheduled = Oblako Zdorovya: your consultation is moved to { $date } { $time } { $zone }. Details in Telegram.
