## staff-schedule

cmd-schedule = Schedule a consultation for an application: /schedule 12
sched-btn = 📅 Schedule
sched-usage = Give the application number: /schedule 12
sched-pick-day =
    📅 Application No. { $application } · { $condition }
    Pick the day of the consultation. Times are { $zone }; in brackets, how many start times are free that day.
sched-day-btn = { $weekday ->
        [1] Mon
        [2] Tue
        [3] Wed
        [4] Thu
        [5] Fri
        [6] Sat
       *[7] Sun
    } { $date } ({ $free })
sched-day-btn-full = { $weekday ->
        [1] Mon
        [2] Tue
        [3] Wed
        [4] Thu
        [5] Fri
        [6] Sat
       *[7] Sun
    } { $date } —
sched-day-title = { $weekday ->
        [1] Monday
        [2] Tuesday
        [3] Wednesday
        [4] Thursday
        [5] Friday
        [6] Saturday
       *[7] Sunday
    }, { $date }
sched-day-full = No free time is left that day — pick another.
sched-pick-time = 🕑 { $day } — free times ({ $zone }). Pick one or type your own, e.g. 14:30.
sched-type-time = ⌨️ Type the start time on { $day } as HH:MM, e.g. 14:30 ({ $zone }).
sched-time-invalid = I did not understand the time. Type it as HH:MM, e.g. 14:30.
sched-pick-day-first = First pick a day in the calendar.
sched-pick-mode = { $day }, { $time } ({ $zone }). How will the consultation run?
sched-btn-type = ⌨️ Own time
sched-btn-other-day = « Another day
sched-btn-other-time = « Another time
sched-btn-back-times = « Free times
sched-btn-cancel = ✖️ Cancel
sched-btn-video = 🎥 Video
sched-btn-audio = 🎙 Audio
sched-cancelled = Scheduling cancelled; no consultation was created.
sched-too-many-steps = Scheduling stopped: too many steps. Start again — /schedule and the application number.
sched-done =
    ✅ <b>Consultation No. { $id } is scheduled.</b>
    Patient: { $patient }
    Time: { $date }, { $time } ({ $zone })
    Mode: { $mode ->
        [video] video
       *[audio] audio
    }
    { $notified ->
        [yes] The patient will be notified in the bot.
       *[no] The patient is not connected to the bot — tell them the time yourself.
    }
    Card: /consultation { $id }
