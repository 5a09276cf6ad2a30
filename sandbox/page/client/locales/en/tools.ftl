## the page's tools under the chats (client/tools.ts): the sandbox's clock and the SMS the service sent

who-manager = Manager
who-admin = Administrator
clock-title = Sandbox time
clock-ahead = ahead of the real time by { $n }
clock-real = real time
clock-15m = +15 min
clock-1h = +1 h
clock-1d = +1 day
clock-next = To the next consultation
clock-next-none = No consultation ahead
clock-hint = Time only moves forward; reminders, deadlines and "the consultation has begun" follow it.
sms-title = SMS
sms-hint = What would have gone to the phone: the sandbox sends no SMS anywhere.
sms-empty = No SMS yet. Patients of a referral table get them.
sms-to = To: { $n }
