## delivery (staff bot /delivery; the consultation and triage cards)

cmd-delivery = Delivery of messages to patients and doctors
delivery-not-allowed = Delivery details are for managers and admins.
delivery-title = 📬 Message delivery
delivery-pending = Queued: { $count }{ $count ->
    [0] {""}
   *[other] , the oldest waiting { $minutes } min
}
delivery-in-doubt = Interrupted while sending (will be sent again): { $count }
delivery-failed-day = Not delivered in the last day: { $count }
delivery-resent-day = Sent again after a fault in the last day (may be a duplicate): { $count }
delivery-unreachable = Patients who blocked the bot: { $count }
delivery-failed-title = Not delivered, the latest { $shown }:
delivery-failed-line = • { $date } { $time } · { $bot ->
    [staff] staff bot
   *[other] patient bot
} · { $template } · chat { $chat } — { $reason }
delivery-reason-blocked = the bot is blocked
delivery-reason-expired = out of date before it could be sent
delivery-reason-gave-up = could not be sent in the time allowed
delivery-reason-render = the message could not be prepared
delivery-reason-no-recipient = its recipient can no longer get it (e.g. the doctor was deactivated)
delivery-reason-refused = Telegram refused: { $error }
delivery-unreachable-title = Blocked the bot (the first { $shown }):
delivery-unreachable-line = • chat { $chat } · { $phone ->
    [yes] important notices go by SMS
   *[other] no phone — no SMS possible
}
delivery-all-well = ✅ Everything delivered.
delivery-card-unreachable = ⚠️ The patient has blocked the bot: messages do not reach them; important notices go by SMS when a phone is known.
