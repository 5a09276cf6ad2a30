## consultations: the list, one consultation, joining, cancelling

consultations-title = My consultations
upcoming = Upcoming
past = Past and cancelled
no-past = No past consultations yet.
consultation-title = Consultation
mode-label = { $mode ->
        [video] Video call
        [audio] Audio only
       *[other] { $mode }
    }
consultation-status = { $status ->
        [scheduled] Scheduled
        [completed] Took place
        [cancelled] Cancelled
        [no_show] Did not take place
       *[other] { $status }
    }
doctor = Doctor
when = When
connection = Connection
status-label = Status
specialty = { $specialty ->
        [cardiology] Cardiologist
        [gynecology] Gynecologist
       *[other] { $specialty }
    }
zone-note = All times are { $zone }.
join = Join the consultation
join-opens-at = You can join { $when }, 10 minutes before the start.
join-opening = Opening…
join-how-title = What to expect
join-how-browser = The consultation opens in your phone’s browser: camera and microphone work more reliably there than inside Telegram.
join-how-allow = When the browser asks, allow the camera and microphone.
join-how-lobby = You will wait in a waiting room first. Keep the page open: the doctor lets you in when ready.
join-not-open = You cannot join yet: joining opens 10 minutes before the start.
cancel = Cancel booking
cancel-confirm = Cancel the consultation { $when }?
cancel-yes = Yes, cancel
cancel-no = No, keep it
cancel-done = Booking cancelled. The time is free for others now.
cannot-cancel = It is too late to cancel or move it: less than { $minutes } minutes remain.
reschedule = Move to another time
book-again = Book another time
join-now-title = Your consultation starts soon
conclusion = Doctor’s conclusion (PDF)
conclusion-in-chat = The conclusion was also sent to you in the bot’s chat.
verification-code = Conclusion verification code: { $code }
booked = You are booked! The bot will remind you before the consultation.
rescheduled = The consultation has been moved.
