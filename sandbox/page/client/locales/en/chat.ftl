## the sandbox page's script (sandbox/page/client): the chats and the Mini App frame. Russian is shown, English beside the titles and the idle Mini App
# Variables ({ $bot }, { $n }) are sent to the browser as {bot}, {n} and filled by client/texts.ts.

patient-title = Patient ⇄ patient bot
staff-title = Doctor ⇄ staff bot
miniapp-title = Mini App
miniapp-banner = SANDBOX · Mini App · demo
miniapp-idle = The Mini App opens here from the chat’s menu button or a web_app button.
close = Close
back = Back
placeholder = Message
send = Send
attach = Attach a file
as-photo = compressed as a photo
commands = Commands
share-contact-confirm = Share your phone number with @{ $bot }?
typing = typing…
uploading = sending a file…
who-doctor = Center's doctor
who-duty = Duty doctor
staff-as = Account:
edited = edited
forwarded = Forwarded message
contact = Contact
empty = No messages yet. Press “Start” or send /start.
start = Start
failed = Not sent
unsupported = This button does not work in the sandbox
ok = OK
you = You
block = Block the bot
unblock = Unblock
blocked-notice = You blocked the bot: it cannot write to you (its messages get error 403).
reply = Reply
reply-to = Reply to
cancel = Cancel
size-mb = { $n } MB
size-kb = { $n } KB
