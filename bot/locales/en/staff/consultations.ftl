## staff-consultations

staff-err-application-not-found = Application not found. Check the number.
staff-err-application-not-yours = Another doctor handles this application.
staff-err-application-wrong-status = A consultation cannot be scheduled: the application { $status ->
        [needs_documents] is waiting for documents from the patient
        [scheduled] is already scheduled
        [declined] was declined
        [withdrawn] was withdrawn by the patient
        [completed] is already completed
       *[other] is in another state now
    }.
staff-err-application-changed = The application has just changed. Open it again.
staff-err-time-in-past = This time has passed or is too soon — the patient would not be notified in time. Pick a later time.
staff-err-time-too-far = That is too far ahead: pick a day from the calendar.
staff-err-time-taken = This time overlaps another consultation of yours. Pick another.
staff-err-consultation-not-found = Consultation not found. Check the number.
staff-err-consultation-not-open = The consultation is no longer open: it was held, cancelled or recorded as a no-show.
staff-err-consultation-not-started = The consultation has not started yet — this can be done once it has.
staff-err-video-not-configured = Video is not configured on the server (no Jitsi settings), so no room link can be given. Tell the administrator.
staff-err-video-window-closed = This consultation's time is over — the room link is no longer given out.
staff-err-conclusion-text-empty = The conclusion text is empty. Write it as a message.
staff-err-conclusion-text-too-long = The conclusion text is too long: { $length } characters, at most { $max }. Shorten it and send it again.
staff-err-recommendations-too-long = The recommendations are too long: { $length } characters, at most { $max }. Shorten them and send them again.
staff-err-unknown-outcome = There is no such outcome in the catalog. Pick an outcome with a button.
staff-err-not-your-consultation = This is another doctor's consultation.
staff-err-staff-inactive = Your staff account is deactivated. Contact the administrator.
staff-err-conclusion-already-issued = The conclusion of this consultation has already been issued — a second one cannot be.
cons-usage = Give the consultation number: { $command } 12
cons-line = { $time } · No. { $id } · { $patient } · { $mode ->
        [video] video
       *[audio] audio
    }{ $status ->
        [completed] { " · held" }
        [cancelled] { " · cancelled" }
        [no_show] { " · no-show" }
       *[scheduled] { "" }
    }{ $held ->
        [none] { "" }
       *[other] { " · call " }{ $held }
    }
cons-held-minutes = { $minutes } min
cons-held-ongoing = in progress
cons-today-title = 📅 Today, { $weekday ->
        [1] Monday
        [2] Tuesday
        [3] Wednesday
        [4] Thursday
        [5] Friday
        [6] Saturday
       *[7] Sunday
    }, { $date } ({ $zone })
cons-week-title = 📅 <b>My consultations for 7 days from { $from } ({ $zone })</b>
cons-day = { $weekday ->
        [1] Monday
        [2] Tuesday
        [3] Wednesday
        [4] Thursday
        [5] Friday
        [6] Saturday
       *[7] Sunday
    }, { $date }
cons-day-today = Today, { $date }
cons-none-today = No consultations today.
cons-none-week = No consultations.
cons-list-hint = A consultation's card: /consultation and its number.
cons-card =
    🩺 Consultation No. { $id } — { $status ->
        [scheduled] scheduled
        [completed] held
        [cancelled] cancelled
        [no_show] no-show
       *[other] { $status }
    }
    Patient: { $patient }, { $age } { $age ->
        [one] year
       *[other] years
    } old
    Time: { $date }, { $time }–{ $end } ({ $zone })
    Mode: { $mode ->
        [video] video
       *[audio] audio
    }
cons-card-application =
    <b>Application No. { $application } · { $center }</b>
    Condition: { $condition }
    Diagnosis: { $diagnosis }
    Complaints: { $complaints }
cons-card-no-application = No application: a booking with the duty doctor.
cons-card-conclusion = 📄 Conclusion issued on { $date }, verification code { $code }.
cons-btn-join = 🎥 Video room
cons-btn-conclude = 📝 Conclusion
cons-btn-noshow = 🚫 Did not come
cons-btn-open-room = 🎥 Open the video room
cons-join =
    🎥 Consultation No. { $id }: { $patient }, { $date } at { $time } ({ $zone }), { $mode ->
        [video] video
       *[audio] audio
    }.
    You are the moderator: the patient waits in the lobby until you let them in.
    The link is yours alone and single-use, do not forward it; open it before { $openBefore } (after that /join { $id } gives a new one). The call is open from { $from } until { $until } ({ $zone }).
cons-noshow-confirm = Record that the patient { $patient } did not come to consultation No. { $id } ({ $date }, { $time }, { $zone })? The patient will be told.
cons-btn-noshow-yes = 🚫 Yes, did not come
cons-btn-noshow-no = Cancel
cons-noshow-kept = All right, consultation No. { $id } stays as it is.
cons-noshow-done = Recorded: the patient { $patient } did not come to consultation No. { $id }.
cons-noshow-done-application = Recorded: the patient { $patient } did not come to consultation No. { $id }. Application No. { $application } is back with you — you can schedule a new time: /schedule { $application }
cons-cancelled-by-patient = ❌ The patient { $patient } cancelled consultation No. { $id } ({ $date }, { $time }, { $zone }). The time is free again.
cons-rescheduled-by-patient = 🔁 The patient { $patient } moved consultation No. { $id } from { $fromDate }, { $fromTime } to { $date }, { $time } ({ $zone }).
cons-cancelled-by-patient-application = ❌ The patient { $patient } cancelled consultation No. { $id } ({ $date }, { $time }, { $zone }). The time is free again. Application No. { $application } is back with you: /schedule { $application }
