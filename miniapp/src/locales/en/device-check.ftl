## device-check: camera, microphone and speed

check-title = Connection check
check-intro = We will check the camera, the microphone and the internet speed. It takes less than a minute.
check-start = Start the check
check-again = Check again
camera = Camera
microphone = Microphone
speed = Internet speed
checking = Checking…
works = Works
denied = No access — allow it in settings
missing = Not found
failed = Could not check
mic-hint = Say something — the bar should move.
camera-preview = Camera picture
mic-level = Microphone sound level
verdict-video = A video consultation will work well.
verdict-audio = Video may not work. Choose “Audio only” — the consultation will be reliable that way.
verdict-none = A consultation will not work right now: the internet is too slow or the microphone is unavailable. Connect to Wi-Fi or move closer to the router and check again.
webview-note = If the camera did not work here, do not worry: the consultation opens in the browser, where the camera usually works.
