## sms
# SMS texts. Read by whoever holds the phone: no health details, no diagnosis, no hint of a center's specialty.
# Cyrillic goes as UCS-2 (70 characters a segment, 67 in a long one): each text must stay within 2 segments,
# tests/core/sms/renderers.test.ts counts them. $link is https://t.me/<patient bot>?start=ref_<code>.
sms-referral-invite = Облако здоровья: направление на онлайн-консультацию. Откройте: { $link }
sms-notice-scheduled = Облако здоровья: консультация назначена на { $date } { $time } { $zone }. Подробности — в Telegram.
sms-notice-cancelled = Облако здоровья: консультация { $date } { $time } { $zone } отменена. Подробности — в Telegram.
sms-notice-rescheduled = Облако здоровья: консультация перенесена на { $date } { $time } { $zone }. Подробности — в Telegram.
