## app: shared across screens (errors, the crash screen, time words, units)

app-name = Oblako Zdorovya
loading = Loading…
retry = Try again
back = Back
close = Close
error-network = No connection to the server. Check your internet and try again.
error-unauthorized = Your session has expired. Close the app and open it again from the bot.
error-generic = Something went wrong. Please try again a little later.
error-code = { $code ->
        [booking_too_late] It is too late to book this time. Please choose a later time.
        [booking_limit_reached] You already have the most duty-doctor bookings allowed. To book again, wait for a consultation or cancel one of them.
        [booking_overlaps] You already have another consultation at this time. Please choose another time.
        [cancel_too_late] It is too late to cancel or move it: the start is too close.
        [consultation_started] The consultation has already started.
        [consultation_not_open] This consultation has already been cancelled or has passed.
        [not_reschedulable] A doctor of the center scheduled this consultation, so it cannot be moved here. Please write about it in the bot.
        [join_not_open] You cannot join yet: joining opens 10 minutes before the start.
        [video_not_configured] Video calls are unavailable right now. Please try a little later.
        [not_found] We could not find this booking. It may have been cancelled.
        [date_out_of_range] You can no longer join the waiting list for this day: it has passed or is still too far ahead. Please choose another day.
        [day_not_full] There is no waiting list for this day: it has free times, or the duty doctor does not see patients then. Please choose another day.
       *[other] { error-generic }
    }
crash-title = Something went wrong
crash-text = The app ran into an error. Your bookings are safe. Tap “Start again”, or close the app and open it again from the bot.
crash-restart = Start again

# A moment in the patient's zone: $time is "10:30", $day "четверг, 26 ноября".
when-today = today at { $time }
when-tomorrow = tomorrow at { $time }
when-day = { $day }, at { $time }
when-day-at = { $weekday ->
    [1] on Monday
    [2] on Tuesday
    [3] on Wednesday
    [4] on Thursday
    [5] on Friday
    [6] on Saturday
   *[7] on Sunday
}, { $date }, at { $time }

# Internet speed; $value is already a number as text ("1.5").
mbps = { $value } Mb/s
kbps = { $value } kb/s
