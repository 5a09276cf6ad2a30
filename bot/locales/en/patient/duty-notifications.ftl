## duty-notifications

duty-note-cancelled =
    😔 <b>We are sorry: the doctor has cancelled the consultation.</b>
    Patient: { $name }
    It was booked for: { $when }
    Time zone: { $zone }
duty-note-cancel-reason = Reason: { $reason }
duty-note-cancelled-rebook = Please accept our apologies and book another time that suits you — it is free.
duty-note-cancelled-rebook-menu = Please accept our apologies and book another time that suits you — it is free: open “{ $app }” in the bot's menu.
duty-note-cancelled-application = Please accept our apologies. The application is back with the center's doctor, who will set a new time; we will tell you here.
duty-note-slot-free =
    🔔 A duty doctor's time has freed up ({ $specialty ->
        [cardiology] cardiology
       *[gynecology] gynecology
    }) on the day you were waiting for.
    Patient: { $name }
    When: { $when }
    Time zone: { $zone }
duty-note-slot-free-book = Another patient may take it — book while it is free.
duty-note-slot-free-menu = Another patient may take it — book while it is free: open “{ $app }” in the bot's menu.
duty-btn-rebook = 📅 Choose another time
duty-btn-book = 📅 Book
