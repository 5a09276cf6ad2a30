## reminders (patient)

rem-patient-day =
    ⏰ <b>A reminder of your consultation.</b>
    Patient: { $name }
    Doctor: { $doctor }
    When: { $when }
    Time zone: { $zone }
    Connection: { $mode ->
        [audio] sound only
       *[video] video
    }
rem-patient-soon =
    🔔 The consultation starts in { $minutes } { $minutes ->
        [one] minute
       *[other] minutes
    }.
    Patient: { $name }
    Doctor: { $doctor }
    When: { $when }
    Time zone: { $zone }
    Connection: { $mode ->
        [audio] sound only
       *[video] video
    }
rem-patient-day-how = You can join 10 minutes before the start in your account (the button below). There you can also check your camera, microphone and internet speed in advance.
rem-patient-day-how-menu = You can join 10 minutes before the start: open “{ $app }” in the bot's menu. There you can also check your camera, microphone and internet speed in advance.
rem-patient-soon-how = Press “Join” — it opens 10 minutes before the start. The doctor will let you in from the waiting room.
rem-patient-soon-how-menu = Open “{ $app }” in the bot's menu — joining opens 10 minutes before the start. The doctor will let you in from the waiting room.
rem-patient-cancel-hint = If you cannot come, please cancel with the button below so the time goes to another patient.
rem-btn-open = 📱 Open my account
rem-btn-join = 🎥 Join the consultation
