## the stand-in of Jitsi's External API inside the room page: plays the call's events from buttons

standin-title = Stand-in call (SANDBOX): no Jitsi connected
standin-explain = The buttons below send the room page the same events a real Jitsi would.
standin-settings = Call settings from the page
standin-join = I joined the call
standin-other-join = The other side joined
standin-other-leave = The other side left
standin-quality = The connection got weaker
standin-hangup = Hang up
standin-audio-only = Sound only is on
