## staff-slots

cmd-slots = Duty hours, days off, bookings
slots-not-duty = Duty schedules are for duty doctors. Your consultations: /today and /week.
slots-not-allowed = This schedule is not yours to manage.
slots-pick-doctor = 🗓 Whose duty schedule do you want to open?
slots-no-doctors = There are no duty doctors yet. To invite one: npm run cli -- staff invite --role duty_doctor --name "…"
slots-weekday = { $weekday ->
        [1] Mon
        [2] Tue
        [3] Wed
        [4] Thu
        [5] Fri
        [6] Sat
       *[7] Sun
    }
slots-day-label = { $weekday ->
        [1] Mon
        [2] Tue
        [3] Wed
        [4] Thu
        [5] Fri
        [6] Sat
       *[7] Sun
    } { $date }
slots-template-line = { $days } { $from }–{ $to }, { $length } min each
slots-title =
    🗓 Duty schedule: { $name }
    Times in { $zone }
slots-no-specialty = ⚠️ No specialty is set, so patients do not see these slots yet. Ask an administrator.
slots-week-title = Weekly hours:
slots-week-empty = None yet — add them with “➕ Add hours”.
slots-days-off = Days off: { $days }
slots-next-title = Next 7 days:
slots-next-day = { $day } — { $free } free, { $booked } booked
slots-next-day-off = { $day } — day off{ $booked ->
        [0] {""}
       *[other] , but { $booked } booked
    }
slots-next-day-none = { $day } — no hours
slots-btn-add = ➕ Add hours
slots-btn-remove = ➖ Remove hours
slots-btn-day-off = 🌴 Day off
slots-btn-generate = 🔄 Refresh slots
slots-btn-doctors = « All duty doctors
slots-btn-back = « To the schedule
slots-generated = Slots are generated { $days } days ahead. New: { $opened }.
slots-day-title = 🗓 { $day } ({ $zone }) · { $name }
slots-day-is-off = 🌴 Day off.
slots-day-free = Free ({ $count }): { $times }
slots-day-free-none = No free slots.
slots-day-booked-title = Booked ({ $count }):
slots-day-booked-line = { $time } — No. { $id } { $patient }, { $mode ->
        [video] video
       *[audio] audio
    }
slots-day-booked-none = Nothing booked.
slots-btn-cancel-booking = ❌ { $time } { $patient }
slots-btn-make-off = 🌴 Make it a day off
slots-btn-make-working = ↩️ Make it a working day
slots-off-pick = 🌴 Which day do you want off? Times in { $zone }. In brackets: bookings that day; 🌴 is already a day off (press it to make it a working day again).
slots-off-btn-off = 🌴 { $day }
slots-off-btn-booked = { $day } ({ $booked })
slots-off-done = 🌴 { $day } is a day off. Free slots removed: { $removed }.
slots-off-undone = ↩️ { $day } is a working day again. Slots opened: { $opened }.
slots-remove-pick = ➖ Which hours do you want to remove? Their free slots go; patients' bookings stay.
slots-remove-none = Nothing to remove: no hours are set.
slots-removed = Removed: { $line }.
slots-removed-booked = Bookings in these hours stay. You can cancel them here by opening the day:
slots-booked-item = • { $day } { $time } — No. { $id } { $patient }
slots-tpl-days = ➕ New duty hours. Choose the weekdays (several if you like) and press “Next”.
slots-tpl-day-on = ✅ { $day }
slots-btn-next = Next ➡️
slots-btn-cancel = ✖️ Cancel
slots-btn-other-days = « Other days
slots-btn-other-hours = « Other hours
slots-tpl-pick-day-first = Choose at least one day first.
slots-tpl-hours = Days: { $days }. Type the hours with a dash, e.g. 09:00-13:00 (times in { $zone }).
slots-tpl-hours-invalid = I did not understand the hours. Type the start and the end with a dash, e.g. 09:00-13:00.
slots-tpl-hours-order = The end must be after the start, e.g. 09:00-13:00.
slots-tpl-length = { $days } { $from }–{ $to } ({ $zone }). How many minutes per patient?
slots-tpl-length-btn = { $minutes } min
slots-tpl-added = ✅ Added: { $line }. Slots opened: { $opened }.
slots-tpl-cancelled = All right, no hours were added.
slots-tpl-too-many-steps = Adding hours stopped: too many steps. Start again with /slots.
slots-cancel-one = ❌ Cancel consultation No. { $id }: { $patient }, { $day } at { $time } ({ $zone })? The patient will get an apology and an offer to book another time.
slots-cancel-day = 🌴 Make { $day } a day off? There are bookings that day ({ $count }): they will be cancelled, and each patient will get an apology and an offer to book another time:
slots-ask-reason = Type a reason for the patient (up to { $max } characters) or press “No reason”.
slots-btn-no-reason = No reason
slots-btn-keep = « Don't cancel
slots-reason-too-long = The reason is too long: { $length } characters, at most { $max }. Please shorten it and send it again.
slots-reason-line = Reason for the patient: “{ $reason }”
slots-reason-none = No reason given.
slots-confirm-one = Confirm cancelling consultation No. { $id }: { $patient }, { $day } at { $time } ({ $zone }).
slots-btn-cancel-close = ❌ Cancel, close the time
slots-btn-cancel-reopen = ❌ Cancel, give the time to others
slots-confirm-day = Confirm: { $day } is a day off{ $count ->
        [0] ; there are no bookings that day any more.
       *[other] , and its bookings ({ $count }) are cancelled:
    }
slots-btn-confirm-day = { $count ->
        [0] 🌴 Yes, day off
       *[other] 🌴 Yes, day off, cancel bookings ({ $count })
    }
slots-cancelled-one = ✅ Consultation No. { $id } is cancelled. { $reopened ->
        [yes] The time is open for booking again.
       *[no] The time is closed for booking.
    } { $notified ->
        [yes] The patient will be told in the bot.
       *[no] The patient is not connected to the bot — please tell them yourself.
    }
slots-day-off-cancelled = 🌴 { $day } is a day off. Bookings cancelled: { $cancelled } — the patients will be told. Free slots removed: { $removed }.
slots-booked-changed = While you were deciding, the bookings on { $day } changed — please check again.
slots-kept = All right, nothing was cancelled.
slots-flow-too-many-steps = Cancelling stopped: too many steps, nothing was cancelled. Start again with /slots.
slots-err-not-duty-doctor = This is not a duty doctor: there is no duty schedule.
slots-err-template-invalid = { $field ->
        [slotMinutes] Slots of that length do not fit these hours. Choose a shorter length or other hours.
        [weekday] Choose at least one weekday.
       *[other] The hours are wrong: a start and an end within one day, e.g. 09:00-13:00.
    }
slots-err-template-overlaps = These hours overlap hours already set on one of the chosen days. Type other hours.
slots-err-template-not-found = These hours are no longer in the schedule.
slots-err-date-invalid = There is no such date.
slots-err-consultation-not-found = Consultation not found — it may have been cancelled already.
slots-err-consultation-not-open = The consultation is no longer open: it took place, was cancelled or marked as a no-show.
slots-err-consultation-started = The consultation has already started — it cannot be cancelled.
slots-note-booked =
    📅 <b>New duty booking: consultation No. { $id }.</b>
    Patient: { $patient }
    Time: { $date }, { $time } ({ $zone })
    Format: { $mode ->
        [video] video
       *[audio] audio
    }
    Card: /consultation { $id }
