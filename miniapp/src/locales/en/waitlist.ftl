## waitlist: a day with no free time

day-full = No free times
day-full-title = No free times on this day
day-full-text = If someone cancels, we can message you in the bot, so that you can book in time.
waitlist-join = Tell me when a time frees up
waitlist-joined = We will message you in the bot if a time frees up on { $date }.
waitlist-queue = If several people are waiting for this day, the one who asked first hears first. You book with the button in the message.
waitlist-mark = You are on the waiting list
waitlist-title = Waiting list
waitlist-entry-text = We will message you in the bot if a time frees up.
waitlist-leave = Remove from the waiting list
waitlist-leave-confirm = Stop telling you about free times on { $date }?
waitlist-leave-yes = Yes, stop
waitlist-leave-no = No, keep it
waitlist-left = Done. We will not message you about free times on { $date }.
waitlist-gone = This waiting-list entry is no longer there — we may already have messaged you in the bot about a free time.
other-day = Choose another day
to-home = To the home screen
