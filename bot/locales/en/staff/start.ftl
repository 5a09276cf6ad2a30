## staff

cmd-queue = The center's waiting applications
cmd-today = My consultations today
cmd-week = My consultations this week
cmd-consultation = A consultation by number: /consultation 12
cmd-join = The video room link: /join 12
cmd-conclude = Write the conclusion: /conclude 12
cmd-noshow = The patient did not come: /noshow 12
staff-only = This bot is for the staff of Oblako Zdorovya.
staff-unknown-action = This action is no longer available.
staff-welcome = Welcome, { $name }! Your role: { $role }. New applications will arrive here. Commands — /help.
staff-already-joined = You are already connected, { $name }.
staff-role-doctor = center doctor
staff-role-duty_doctor = duty doctor
staff-role-manager = manager
staff-role-admin = administrator
invite-invalid = The invite was not found. Ask the administrator for a new one.
invite-used = This invite has already been used. Ask the administrator for a new one.
invite-expired = The invite has expired. Ask the administrator for a new one.
staff-name-invalid = A staff name is 2 to 120 characters long.
unknown-center = There is no such center in the catalog: { $center }.
center-required = A center doctor needs a center.
already-staff = This Telegram account is already connected as staff.
staff-help =
    <b>Commands</b>
    /queue — the center's queue and mine in progress
    /schedule N — schedule a consultation
    /today, /week — my consultations
    /consultation N — a consultation's card
    /join N — the video room
    /conclude N — the conclusion
    /noshow N — record a no-show
    /slots — duty hours, days off, bookings
    /stats — figures (managers, center doctors)
    /delivery — message delivery (managers)
