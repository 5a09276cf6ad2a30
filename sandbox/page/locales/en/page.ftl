## the sandbox page (sandbox/page/html.ts, label.ts): Russian is shown, English beside it where a person may need it

banner-title = ПЕСОЧНИЦА · SANDBOX
banner = Not Telegram: a local Bot API emulator with demo data. Not for real patients.
page-title = Sandbox · Oblako Zdorovya (SANDBOX)
pane-patient = The patient's chat with the patient bot
pane-miniapp = Mini App
pane-tools = The sandbox's time and SMS
pane-staff = A doctor's chat with the staff bot
footer = Links to the service's public address open here; video calls open a stand-in page.
# The line on every other page the sandbox's server shows (a /verify page, the Mini App outside its frame).
label = not Telegram, demo data

## the room page, where a video call would open

room-title = Video room (SANDBOX)
room-heading = A video consultation would open here
room-real = In the real service this link opens the Jitsi room above with the participant's own token. The sandbox has no Jitsi server.
room-name = Room: { $room }
room-back = back to the sandbox
