## reminders (staff)

rem-doctor-soon =
    ⏰ In { $minutes } min — consultation #{ $id }: { $patient }, { $time } ({ $zone }), { $mode ->
        [video] video
       *[audio] audio
    }.
    The button below gives your link into the room: you moderate it and let the patient in from the waiting room.
rem-digest-greeting = ☀️ Good morning! Consultations today: { $count }.
rem-digest-more = …and { $count } more: the whole list is in /today
rem-sla-doctor = ⏰ Nobody has taken application #{ $id } for { $hours } h. The patient was promised an answer within 1–3 days.
rem-sla-manager =
    ⚠️ Application #{ $id } to { $center } has waited { $hours } h for a doctor: nobody has taken it.
    Submitted: { $submitted }
    Doctors of the center in the bot: { $doctors }. They have been reminded.
rem-no-show-offer =
    The patient { $patient } has not entered the call of consultation No. { $id } ({ $time }, { $zone }).
    If they do not come, record a no-show: the patient is told.
rem-btn-no-show = 🚫 Record a no-show
