## booking: the duty doctor form (specialty, day, time, mode, confirm)

book-title = Book the duty doctor
reschedule-title = Move the consultation
step-specialty = Which doctor do you need?
step-day = Choose a day
step-time = Choose a time
step-mode = How will you talk?
step-confirm = Check and confirm
duty-topics = The duty doctor answers questions about { $topics }.
free-times = { $count ->
        [one] { $count } free time
       *[other] { $count } free times
    }
no-slots = No free times in the next two weeks. Please look again later: doctors open new times every day.
no-slots-day = No free times are left on this day. Please choose another day.
no-slots-waitlist = No free times in the next two weeks. Please look again later — or choose the day you need below, and we will message you if a time frees up on it.
full-days-title = Days with no free times
full-days-hint = Need one of these days? Open it, and we will message you in the bot if a time frees up.
days-off = On the other days the duty doctor does not see patients.
mode-video-text = You and the doctor see and hear each other. Needs a camera and internet of { $speed } or more.
mode-audio-text = Like a phone call. Works on a weak connection ({ $speed } or more).
not-sure = Not sure? Check your camera and internet
confirm-book = Book
confirm-reschedule = Move
sending = Sending…
slot-taken = Another patient has just taken this time. Please choose another — the list is up to date.
cancel-until = You can cancel or move this booking until { $date }, { $time }: { $unit ->
        [hours] { $hours } { $hours ->
            [one] hour
            [few] hours
           *[other] hours
        }
       *[minutes] { $minutes } min
    } before the start. Not after that.
cancel-closed = It starts in less than { $unit ->
        [hours] { $hours } { $hours ->
            [one] hour
           *[other] hours
        }
       *[minutes] { $minutes } min
    }: this booking can no longer be cancelled or moved.
