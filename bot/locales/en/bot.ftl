## common

error-generic = Sorry, something went wrong on our side. Please try again in a minute; if it still fails, send /cancel and start again.
cancelled = OK, cancelled. Nothing from the unfinished step was saved; what was saved before is still there.
nothing-to-cancel = There is nothing to cancel right now.
press-button = Please choose an option with the buttons under the message.
expect-text = Please type your answer as text.
unhandled = I didn't understand that. Choose an action from the menu below or send /help.
need-registration = First you need to give consent and register — send /start.
flow-interrupted = The previous action was interrupted.
btn-back = « Back
btn-yes = Yes
btn-no = No

## commands

cmd-start = Start / main menu
cmd-profile = Patient profiles
cmd-documents = Medical documents
cmd-language = Language / Язык
cmd-help = Help
cmd-cancel = Cancel the current action
cmd-delete_me = Delete my data

## menu

menu-documents = 📄 Documents
menu-profiles = 👤 Profiles
menu-add-patient = ➕ Add a patient
menu-help = ❓ Help
menu-button-app = My account
menu-shown = Main menu. Choose an action with the buttons below.

## start

start-welcome =
    Hello! This is Oblako Zdorovya (Health Cloud) — free online consultations with doctors of two federal centers:
    • Bakulev Center for Cardiovascular Surgery;
    • Kulakov Center for Obstetrics, Gynecology and Perinatology.

    Here you can upload medical documents, apply to a center and have a video consultation without travelling to Moscow.
consent-ask =
    To continue we need your consent to the processing of personal data, including health data (Russian Federal Law 152-FZ).

    We keep the full name, birth date, phone, region and uploaded documents, and share them only with the doctors of the center you choose. You can withdraw consent and delete your data at any time with /delete_me.

    The full text is behind the "Consent text" button (version of { $version }).
consent-btn-accept = ✅ I agree
consent-btn-decline = I do not agree
consent-btn-full = 📜 Consent text
consent-declined =
    Without consent we cannot accept your data, so nothing was stored.

    If you change your mind, just send /start.
consent-accepted = Thank you! Your consent is recorded ({ $date }). Now let's register the patient.
welcome-back = Welcome back! Choose an action from the menu below.
consent-full =
    CONSENT TO THE PROCESSING OF PERSONAL DATA
    Version of { $version }

    Acting freely, of my own will and in my own interest (or as the patient's legal representative), under Federal Law No. 152-FZ of 27.07.2006 "On Personal Data", I consent to the operator of the Oblako Zdorovya service processing my personal data and the personal data of the patient I register.

    1. Data: surname, name, patronymic; date of birth; phone number; region of residence and time zone; Telegram identifier; health information contained in uploaded medical documents, diagnosis and complaints (a special category of personal data, Art. 10 of 152-FZ).

    2. Purposes: booking remote consultations, review of applications by doctors of federal medical centers, holding consultations and issuing conclusions, notifications about the review.

    3. Actions: collection, recording, systematisation, accumulation, storage, clarification, use, transfer (granting access) to doctors of the chosen federal center, depersonalisation, blocking, deletion, destruction — with automated means.

    4. The data is processed by persons professionally engaged in medical practice and bound by medical confidentiality.

    5. Term: until the purposes are achieved or consent is withdrawn. Consent can be withdrawn at any time with /delete_me: profiles, documents and files are deleted; only a record of the deletion, without health information, remains in the log.

    6. I confirm that I am entitled to provide the data of the persons I register (a child — as their legal representative, a relative — with their consent).

## registration

reg-relation-ask = Who are we registering?
rel-self = Myself
rel-child = A child
rel-relative = A relative
rel-label = { $relation ->
    [self] you
    [child] child
   *[relative] relative
}
reg-name-ask = { $relation ->
    [self] Please type your full name: surname, name and patronymic (for example: Ivanova Maria Petrovna).
    [child] Please type the child's full name: surname, name and patronymic.
   *[other] Please type your relative's full name: surname, name and patronymic.
}
name-empty = Please type the full name as text.
name-digits = A name cannot contain digits. Please type only the surname, name and patronymic.
name-symbols = A name may contain only letters, spaces, hyphens and apostrophes. Please try again.
name-too-short = We need at least a surname and a name, separated by a space (for example: Ivanova Maria Petrovna).
name-too-long = That is too long — at most 150 characters. Please type only the full name.
reg-birth-ask = Date of birth? For example: 05.03.1961
birth-date-format = I couldn't read that date. Please type it like this: 05.03.1961 (day.month.year).
birth-date-short-year = Please type the year in full, four digits: for example, 05.03.1961.
birth-date-impossible = There is no such date in the calendar. Please check the day and the month.
birth-date-future = That date has not come yet. Please check the year.
birth-date-too-old = The year looks like a typo. Please check the date.
reg-phone-ask =
    A phone number to reach you. Press "Share my number" below — that way the number is verified.
    You can also type the number, but then it counts as unverified.
btn-share-contact = 📱 Share my number
phone-not-own = That is someone else's contact. Press "Share my number" — it sends exactly your number — or type the number.
phone-invalid = That doesn't look like a phone number. Type, for example: +7 912 345-67-89, or press the button.
phone-unverified-note = The number is saved as unverified. You can verify it later in the profile with "Share my number".
reg-region-ask = Region of residence? Type the first letters of its name (for example: "Primor" or "Novosib").
region-results = Choose the region (or type other letters):
region-none = I couldn't find such a region. Try other letters, for example "Mosc", "Tatar", "Yakut".
region-zone-ask = This region has several time zones. Which one is yours?
region-too-many-tries = Let's come back to this later. When you are ready, press "➕ Add a patient".
reg-confirm =
    Please check:
    Patient: { $relation }
    Full name: { $name }
    Date of birth: { $birth }
    Phone: { $phone }
    Region: { $region }
    Time zone: { $zone }
reg-btn-confirm = ✅ All correct
reg-btn-restart = ✏️ Start over
reg-done = Done! { $name } is registered. Now you can upload medical documents — the "📄 Documents" button.
profiles-limit = One account can hold at most { $max } profiles.
self-exists = Your own profile already exists. You can add a child or a relative.
phone-yes = { $phone } (verified)
phone-no = { $phone } (unverified)

## profile

profile-list-header = Patient profiles on this account:
profile-card =
    👤 { $name } ({ $relation })
    Date of birth: { $birth } (age { $age })
    Phone: { $phone }
    Region: { $region }
    Time zone: { $zone }
    Documents: { $documents }
profile-btn-edit-name = ✏️ Name
profile-btn-edit-birth = ✏️ Birth date
profile-btn-edit-phone = ✏️ Phone
profile-btn-edit-region = ✏️ Region
profile-updated = Saved.
profile-not-found = This profile was not found — perhaps it was deleted.
profile-none = No profiles yet. Press "➕ Add a patient".
pick-profile = For whom? Choose the patient:

## language

lang-btn-ru = Русский
lang-btn-en = English
language-ask = Choose your language / Выберите язык:
language-set = Language: English.

## help

help-text =
    Oblako Zdorovya — free online consultations with doctors of the Bakulev and Kulakov national medical research centers.

    📝 Apply to a center — ask for a consultation: center, condition, diagnosis, complaints and the documents needed. The answer comes within 1–3 days.
    🗂 My applications — their state, booked consultations, cancelling.
    📄 Documents — upload discharge summaries, ECGs, ultrasound reports and other documents (photos or PDFs), view and delete them.
    👤 Profiles — patients' details; one account can hold profiles of children and relatives.
    ➕ Add a patient — register one more person.

    Commands: /apply, /applications, /profile, /documents, /language, /cancel — cancel the current action, /delete_me — delete all your data.

    This is not an emergency service: if a life is at risk, call 103 or 112.

## delete

delete-confirm-ask =
    Delete all your data? All profiles ({ $profiles }), all documents ({ $documents }) and files will be deleted. This cannot be undone.
    Only a record of the deletion itself, without any health information, stays in the log.
delete-btn-confirm = 🗑 Yes, delete everything
delete-btn-keep = No, keep it
delete-done = All your data has been deleted. Thank you for being with us. If you want to come back, send /start.
delete-kept = OK, nothing is deleted.
delete-nothing = We hold no data of yours — there is nothing to delete.

## documents

docs-summary = Documents of { $name }: { $count }.
docs-btn-add = ➕ Upload
docs-btn-list = 📋 List
docs-kind-ask = Which document are you uploading?
docs-send-prompt =
    Send photos or PDF files: "{ $kind }". Several at once (an album) and forwarded messages work too.
    When you are done, press "✅ Done".
docs-btn-done = ✅ Done
docs-saved = ✅ Saved: { $kind }{ $pages ->
    [1] {""}
   *[other] , { $pages } pages
}.
docs-album-progress = ✅ Saved from the album: { $count }
docs-duplicate = This file was already uploaded on { $date } ("{ $kind }"), so it was not saved again.
docs-file-too-big = The file is over 20 MB — Telegram does not let a bot download it. Split the PDF into parts or photograph the pages and send the photos.
docs-unsupported-type = This file is not accepted: by its content it is { $detected ->
    [exe] a Windows program (.exe), not a document
    [unknown] of an unknown format
   *[other] a .{ $detected } file
}. We accept photos (JPEG, PNG, WebP) and PDFs.
docs-heic = This is a HEIC photo (iPhone), which we cannot open. Please send it as a photo (not as a file) — Telegram will convert it to JPEG.
docs-image-too-large = The image is too large (over 100 megapixels) for us to process. Please photograph the document with an ordinary phone camera.
docs-image-broken = The image could not be opened — the file is damaged. Try sending it again or photograph the document.
docs-pdf-encrypted = The PDF is password-protected, so we cannot open it. Remove the protection or photograph the pages.
docs-pdf-broken = The PDF is damaged and does not open. Try saving it again or photograph the pages.
docs-empty-file = The file is empty.
docs-busy = Too many files are being uploaded right now. Please send this file again in a minute.
docs-unknown-kind = There is no such document kind in the list. Please choose the kind with a button.
docs-download-failed = I couldn't get the file from Telegram. Please send it again.
docs-not-a-file = I'm waiting for photos or PDF files. When you are done, press "✅ Done".
docs-done-summary = { $saved ->
    [0] No new documents were added.
    [one] 1 document saved.
   *[other] { $saved } documents saved.
} { $name } has { $total } in total.
docs-list-header = Documents of { $name } (page { $page } of { $pages }):
docs-list-line = { $n }. { $kind } — { $date }{ $pages ->
    [1] {""}
   *[other] , { $pages } pages
}{ $size }
docs-list-empty = { $name } has no documents yet.
docs-btn-send = 📥 { $n }
docs-btn-delete = 🗑 { $n }
docs-btn-prev = ‹ Back
docs-btn-next = Next ›
docs-delete-confirm = Delete "{ $kind }" of { $date }?
docs-deleted = The document was deleted.
docs-not-found = The document was not found — perhaps it was already deleted.
docs-which-kind = Got the file. What kind of document is it?
docs-pending-kept = Files waiting for a choice: { $count }.
docs-kind-other = Other

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
    Commands:
    /queue — the center's waiting applications and mine in progress
    /schedule N — schedule a consultation for an application
    /today, /week — my consultations
    /consultation N — a consultation's card
    /join N — the video room link
    /conclude N — write the conclusion
    /noshow N — record a no-show
    /slots — duty hours, days off, bookings
    /stats — the centers' figures for a period (managers and center doctors)
    /delivery — message delivery: the queue, failures, who blocked the bot (managers)

## apply

menu-apply = 📝 Apply to a center
cmd-apply = Apply to a federal center
apply-profile-ask = Who is the application for? Choose the patient:
apply-resume-ask =
    You have an application that was not sent: patient { $name }, { $center }.
    Go on where you stopped, or start again?
apply-btn-resume = ▶️ Go on
apply-btn-fresh = 🔄 Start again
apply-center-ask =
    Application for { $name }.
    Which center? Choose with a button below.
apply-center-line = • { $center } — { $specialty ->
    [cardiovascular] heart and vessels: heart defects, coronary artery disease, arrhythmias, cardiomyopathies, arterial and venous disease in adults and children.
    [obstetrics_gynecology] obstetrics and gynecology: fetal malformations and arrhythmias, cancer during pregnancy, diseases of the female reproductive organs and the breast.
   *[other] a federal medical center.
}
apply-condition-ask = { $center }. What condition is it about? Choose the closest:
apply-diagnosis-ask =
    Write the diagnosis as it stands in the discharge summary or as your doctor wrote it.
    At most { $max } characters.
apply-diagnosis-text-only = Please write the diagnosis as text: the bot cannot understand voice messages or stickers.
apply-diagnosis-empty = The diagnosis came out empty. Please write it as text, as in the discharge summary.
apply-diagnosis-too-long = The diagnosis has { $length } { $length ->
    [one] character
   *[other] characters
} now, and at most { $max } fit. Please shorten it by { $over } { $over ->
    [one] character
   *[other] characters
} and send it again. Details can go into the complaints next.
apply-text-continued = This looks like the rest of the same long text: Telegram splits long messages into parts. Please shorten the whole text and send it as one message.
apply-complaints-ask =
    Describe the complaints: what troubles you, for how long, what treatment there has been.
    At most { $max } characters.
apply-complaints-text-only = Please write the complaints as text: the bot cannot understand voice messages or stickers.
apply-complaints-empty = The complaints came out empty. Please write as text what troubles you.
apply-complaints-too-long = The complaints have { $length } { $length ->
    [one] character
   *[other] characters
} now, and at most { $max } fit. Please shorten them by { $over } { $over ->
    [one] character
   *[other] characters
} and send them again.
apply-checklist-header = Documents for the application: { $center }, “{ $condition }”
apply-check-have = ✅ { $kind }
apply-check-missing = ❌ { $kind }
apply-check-optional-have = ✅ { $kind } (optional)
apply-check-optional-missing = ➖ { $kind } (optional, if you have it)
apply-checklist-missing = Missing: { $kinds }. The application cannot be sent without these documents: the center's doctor decides from them how to help. Upload them with the buttons below; photos or PDFs will do.
apply-duty-hint = If you do not have these documents, you can book the duty doctor: a consultation with the duty doctor needs no documents.
apply-checklist-complete = All the documents needed are here. You can check the application and send it.
apply-btn-upload = 📎 Upload: { $kind }
apply-btn-upload-optional = 📎 { $kind } (optional)
apply-btn-review = 📨 Send the application
apply-btn-drop = ✖️ Cancel the application
apply-send-blocked = The application cannot be sent yet: required documents are missing.
apply-summary =
    Please check the application:
    Patient: { $name }
    Center: { $center }
    Condition: { $condition }
    Diagnosis: { $diagnosis }
    Complaints: { $complaints }
    Documents: { $documents }
apply-btn-send = ✅ All correct, send
apply-btn-edit = ✏️ Correct the diagnosis and complaints
apply-sent =
    ✅ Application No. { $id } has been sent to { $center } (patient { $name }).
    A doctor of the center will review it and answer here, in this chat, within 1–3 days. If more documents are needed, the doctor will say which.
apply-open-exists = { $name } already has an open application No. { $id } to { $center }. A new application to this center can be sent once that one is closed. You can see it under “🗂 My applications”.
apply-dropped = All right, the application is not sent. The draft is deleted.
apply-stale = This button is out of date. To apply, press “📝 Apply to a center”.
apply-catalog-changed = The list of centers and conditions has been updated. Please choose the center and the condition again; the diagnosis and complaints are kept.

## applications

menu-applications = 🗂 My applications
cmd-applications = My applications and their status
apps-none = No applications yet. To apply to a center, press “📝 Apply to a center”.
apps-header = 🗂 Your applications:
apps-header-recent = 🗂 Your applications (the latest { $shown } of { $total }):
apps-entry =
    No. { $id } · { $center }
    Patient: { $name }
    Condition: { $condition }
    Sent: { $date }
    Status: { $status ->
        [submitted] 📨 sent, waiting for a doctor
        [in_review] 🩺 a doctor is reviewing it
        [needs_documents] 📎 the doctor asks for more documents
        [scheduled] 📅 consultation booked
        [declined] not accepted
        [withdrawn] withdrawn
        [completed] consultation held
       *[other] { $status }
    }
apps-entry-needs = To upload: { $kinds }
apps-entry-when = Consultation: { $when } (time zone: { $zone })
apps-btn-withdraw = ↩️ Withdraw No. { $id }
apps-btn-docs = 📎 Documents for No. { $id }
apps-btn-cancel-consultation = ✖️ Cancel the consultation for No. { $id }
apps-btn-upload = 📎 Upload: { $kind }
apps-not-found = Application not found.
apps-withdraw-ask = Withdraw application No. { $id } to { $center } (patient { $name })? The doctor will stop reviewing it. You can apply again at any time.
apps-withdraw-kept = All right, application No. { $id } stays in review.
apps-withdrawn = Application No. { $id } to { $center } has been withdrawn.
apps-withdraw-refused = Application No. { $id } can no longer be withdrawn: { $status ->
    [scheduled] a consultation is booked for it. If you cannot come, cancel the consultation with the button in the booking message or under “🗂 My applications”.
    [declined] it is already closed.
    [withdrawn] it is already withdrawn.
   *[other] it is already closed.
}
apps-docs-prompt = For application No. { $id } the doctor asks for: { $kinds }. What are you uploading?
apps-docs-still = For application No. { $id } the doctor asked for: { $kinds }. Once everything is uploaded, the application goes back to the doctor by itself. Upload more:
apps-docs-not-needed = These documents are no longer needed: the application is not waiting for documents now.
app-docs-back-to-doctor = 📨 Documents passed to the doctor: application No. { $id } is in review again.
consult-btn-cancel = ✖️ Cancel the consultation
consult-cancel-ask = Cancel the consultation of { $name } — { $when } (time zone: { $zone })?
consult-kept = All right, the consultation stays booked.
consult-cancelled = The consultation ({ $when }, time zone: { $zone }) is cancelled and the doctor has been told. The application stays with the doctor; we will write here about what comes next.
consult-not-found = Consultation not found.
consult-not-open = This consultation can no longer be cancelled: { $status ->
    [cancelled] it is already cancelled.
   *[other] it is already over.
}
consult-cancel-too-late = A duty consultation can be cancelled no later than { $minutes } minutes before the start, and that time has passed. If you cannot join, the doctor will note it.
consult-started = The consultation has already started; it cannot be cancelled.

## notifications

app-note-in-review = 🩺 A doctor of { $center } has taken application No. { $id } (patient { $name }). The doctor will study the documents and decide how to help; the answer will come here.
app-note-needs-documents = 📎 The center's doctor asks to add to application No. { $id } to { $center } (patient { $name }). Please upload: { $kinds }.
app-note-doctor-comment = The doctor's comment: “{ $comment }”
app-note-needs-documents-how = Upload them with the buttons below; photos or PDFs will do. As soon as everything is uploaded, the application goes back to the doctor.
app-note-declined =
    We are sorry: the center's doctor could not accept application No. { $id } to { $center } (patient { $name }).
    Reason: { $reason }

    This is not a refusal of help. You can book the duty doctor — a consultation with the duty doctor needs no documents: the doctor will answer your questions and suggest what to do next. When new documents appear, you can apply again.
consult-note-scheduled =
    📅 Consultation booked.
    Patient: { $name }
    Center: { $center }
    Doctor: { $doctor }
    When: { $when }
    Time zone: { $zone }
    Connection: { $mode ->
        [audio] sound only
       *[video] video
    }

    We will send the link to the consultation room here before the start. If you cannot come, please cancel with the button below so the time goes to another patient.
consult-note-no-show =
    The doctor waited for { $name } at the consultation ({ $when }, time zone: { $zone }), but nobody joined.
    That happens. The application is with the doctor again: the doctor may book a new time, and we will tell you here.

## staff-triage

triage-card-new = 🆕 New application #{ $id }
triage-card-documents-added = 📥 The patient uploaded the requested documents — application #{ $id }
triage-card-title = Application #{ $id }
triage-card-body =
    Patient: { $name }, { $age } { $age ->
        [one] year
       *[other] years
    } old
    Condition: { $condition }
    Diagnosis: { $diagnosis }
    Complaints: { $complaints }
    Documents: { $documents }
    Submitted: { $submitted }
triage-card-gone = Application #{ $id } is no longer available.
triage-state-waiting = ⏳ Waiting for a doctor.
triage-state-mine = 👩‍⚕️ Yours.
triage-state-with = With { $name }.
triage-state-docs-requested = 📄 Documents requested: { $kinds }.
triage-state-docs-comment = Comment: { $comment }
triage-state-docs-added = 📥 The requested documents are in — the application awaits your decision.
triage-state-scheduled = 📅 Consultation scheduled.
triage-state-declined = ❌ Declined. Reason: { $reason }
triage-state-withdrawn = ↩️ The patient withdrew the application.
triage-state-completed = ✅ Consultation held.
triage-taken-by = Application #{ $id } ({ $condition }) was taken by { $name }.
triage-withdrawn = ↩️ { $name } withdrew application #{ $id } ({ $condition }).
triage-btn-documents = 📎 Documents
triage-btn-take = ✋ Take
triage-btn-request = 📄 Request documents
triage-btn-decline = ❌ Decline
triage-btn-open = Open #{ $id }
triage-btn-next = Next ›
triage-btn-cancel = Cancel
triage-btn-no-comment = No comment
triage-taken = Application #{ $id } is yours now. The patient was told it is being reviewed.
triage-already-taken = { $name } has already taken this application.
triage-not-found = Application not found.
triage-not-yours = Another doctor is handling this application.
triage-changed = The application has just changed; this action is no longer available.
triage-closed = The documents of this application are no longer available.
triage-docs-header = Documents of application #{ $id }: { $count }.
triage-docs-none = The patient of application #{ $id } has no documents uploaded.
triage-doc-caption = { $kind } · { $date }{ $pages ->
    [1] {""}
   *[other] , { $pages } pages
}
triage-request-pick = Which documents to request for application #{ $id }? Tick them and press “Next ›”.
triage-request-none-picked = Tick at least one document.
triage-request-picked = Application #{ $id }, requesting: { $kinds }.
triage-request-comment-ask = A comment for the patient: what exactly is needed (e.g. “an ECG not older than a month”)? Type it or press “No comment”.
triage-comment-too-long = The comment is too long: { $length } characters, at most { $max }. Please shorten it.
triage-request-sent = The request for application #{ $id } was sent to the patient: { $kinds }. You will be notified when the documents are uploaded.
triage-cancelled = All right, cancelled. Nothing was sent to the patient.
triage-expect-text = Please type your answer, or press a button under the question.
triage-flow-left = The action on the application was interrupted; nothing was sent to the patient.
triage-gave-up = Let us start over: press the button you need on the application's card.
triage-decline-ask = Reason for declining application #{ $id }? The patient will see it.
triage-btn-reason-profile = Not the center's profile
triage-btn-reason-remote = Too little data — in person
triage-btn-reason-emergency = Needs emergency care (103)
triage-btn-reason-duplicate = Duplicate application
triage-btn-reason-other = ✏️ Other reason (type it)
triage-reason-profile = The condition is outside the center's profile. Your treating physician can advise where best to turn.
triage-reason-remote = There is not enough data for a remote consultation. We recommend an in-person visit to a doctor where you live.
triage-reason-emergency = Your condition needs emergency care right now: call 103 (112 from a mobile phone).
triage-reason-duplicate = This is a duplicate: the same application is already being reviewed.
triage-decline-type = Type the reason for declining application #{ $id } in one message, up to { $max } characters. The patient will see it as you write it.
triage-reason-empty = The reason cannot be empty. Please type it.
triage-reason-too-long = The reason is too long: { $length } characters, at most { $max }. Please shorten it.
triage-declined = Application #{ $id } declined; the patient was notified. Reason: { $reason }
triage-queue-header = The center's queue: { $count }, oldest first.
triage-queue-empty = No applications in the center's queue.
triage-queue-line = { $old ->
    [yes] ⚠️{" "}
   *[no] {""}
}#{ $id } · { $name }, { $age } y.o. · { $condition } · { $days ->
    [0] today
    [one] 1 day
   *[other] { $days } days
}
triage-queue-more = …and { $count } more.
triage-mine-header = Yours in progress: { $count }.
triage-mine-line = #{ $id } · { $name } · { $condition } · { $state }
triage-short-in-review = under review
triage-short-waiting-documents = waiting for the patient's documents
triage-short-documents-added = documents uploaded
triage-queue-not-doctor = The application queue is for the centers' doctors.

## staff-consultations

cmd-schedule = Schedule a consultation for an application: /schedule 12
sched-btn = 📅 Schedule
sched-usage = Give the application number: /schedule 12
sched-pick-day =
    📅 Application No. { $application } · { $condition }
    Pick the day of the consultation. Times are { $zone }; in brackets, how many start times are free that day.
sched-day-btn = { $weekday ->
        [1] Mon
        [2] Tue
        [3] Wed
        [4] Thu
        [5] Fri
        [6] Sat
       *[7] Sun
    } { $date } ({ $free })
sched-day-btn-full = { $weekday ->
        [1] Mon
        [2] Tue
        [3] Wed
        [4] Thu
        [5] Fri
        [6] Sat
       *[7] Sun
    } { $date } —
sched-day-title = { $weekday ->
        [1] Monday
        [2] Tuesday
        [3] Wednesday
        [4] Thursday
        [5] Friday
        [6] Saturday
       *[7] Sunday
    }, { $date }
sched-day-full = No free time is left that day — pick another.
sched-pick-time = 🕑 { $day } — free times ({ $zone }). Pick one or type your own, e.g. 14:30.
sched-type-time = ⌨️ Type the start time on { $day } as HH:MM, e.g. 14:30 ({ $zone }).
sched-time-invalid = I did not understand the time. Type it as HH:MM, e.g. 14:30.
sched-pick-day-first = First pick a day in the calendar.
sched-pick-mode = { $day }, { $time } ({ $zone }). How will the consultation run?
sched-btn-type = ⌨️ Own time
sched-btn-other-day = « Another day
sched-btn-other-time = « Another time
sched-btn-back-times = « Free times
sched-btn-cancel = ✖️ Cancel
sched-btn-video = 🎥 Video
sched-btn-audio = 🎙 Audio
sched-cancelled = Scheduling cancelled; no consultation was created.
sched-too-many-steps = Scheduling stopped: too many steps. Start again — /schedule and the application number.
sched-done =
    ✅ Consultation No. { $id } is scheduled.
    Patient: { $patient }
    Time: { $date }, { $time } ({ $zone })
    Mode: { $mode ->
        [video] video
       *[audio] audio
    }
    { $notified ->
        [yes] The patient will be notified in the bot.
       *[no] The patient is not connected to the bot — tell them the time yourself.
    }
    Card: /consultation { $id }
staff-err-application-not-found = Application not found. Check the number.
staff-err-application-not-yours = Another doctor handles this application.
staff-err-application-wrong-status = A consultation cannot be scheduled: the application { $status ->
        [needs_documents] is waiting for documents from the patient
        [scheduled] is already scheduled
        [declined] was declined
        [withdrawn] was withdrawn by the patient
        [completed] is already completed
       *[other] is in another state now
    }.
staff-err-application-changed = The application has just changed. Open it again.
staff-err-time-in-past = This time has passed or is too soon — the patient would not be notified in time. Pick a later time.
staff-err-time-too-far = That is too far ahead: pick a day from the calendar.
staff-err-time-taken = This time overlaps another consultation of yours. Pick another.
staff-err-consultation-not-found = Consultation not found. Check the number.
staff-err-consultation-not-open = The consultation is no longer open: it was held, cancelled or recorded as a no-show.
staff-err-consultation-not-started = The consultation has not started yet — this can be done once it has.
staff-err-video-not-configured = Video is not configured on the server (no Jitsi settings), so no room link can be given. Tell the administrator.
staff-err-video-window-closed = This consultation's time is over — the room link is no longer given out.
staff-err-conclusion-text-empty = The conclusion text is empty. Write it as a message.
staff-err-conclusion-text-too-long = The conclusion text is too long: { $length } characters, at most { $max }. Shorten it and send it again.
staff-err-recommendations-too-long = The recommendations are too long: { $length } characters, at most { $max }. Shorten them and send them again.
staff-err-unknown-outcome = There is no such outcome in the catalog. Pick an outcome with a button.
staff-err-not-your-consultation = This is another doctor's consultation.
staff-err-staff-inactive = Your staff account is deactivated. Contact the administrator.
staff-err-conclusion-already-issued = The conclusion of this consultation has already been issued — a second one cannot be.
cons-usage = Give the consultation number: { $command } 12
cons-line = { $time } · No. { $id } · { $patient } · { $mode ->
        [video] video
       *[audio] audio
    }{ $status ->
        [completed] { " · held" }
        [cancelled] { " · cancelled" }
        [no_show] { " · no-show" }
       *[scheduled] { "" }
    }
cons-today-title = 📅 Today, { $weekday ->
        [1] Monday
        [2] Tuesday
        [3] Wednesday
        [4] Thursday
        [5] Friday
        [6] Saturday
       *[7] Sunday
    }, { $date } ({ $zone })
cons-week-title = 📅 My consultations for 7 days from { $from } ({ $zone })
cons-day = { $weekday ->
        [1] Monday
        [2] Tuesday
        [3] Wednesday
        [4] Thursday
        [5] Friday
        [6] Saturday
       *[7] Sunday
    }, { $date }
cons-day-today = Today, { $date }
cons-none-today = No consultations today.
cons-none-week = No consultations.
cons-list-hint = A consultation's card: /consultation and its number.
cons-card =
    🩺 Consultation No. { $id } — { $status ->
        [scheduled] scheduled
        [completed] held
        [cancelled] cancelled
        [no_show] no-show
       *[other] { $status }
    }
    Patient: { $patient }, { $age } { $age ->
        [one] year
       *[other] years
    } old
    Time: { $date }, { $time }–{ $end } ({ $zone })
    Mode: { $mode ->
        [video] video
       *[audio] audio
    }
cons-card-application =
    Application No. { $application } · { $center }
    Condition: { $condition }
    Diagnosis: { $diagnosis }
    Complaints: { $complaints }
cons-card-no-application = No application: a booking with the duty doctor.
cons-card-conclusion = 📄 Conclusion issued on { $date }, verification code { $code }.
cons-btn-join = 🎥 Video room
cons-btn-conclude = 📝 Conclusion
cons-btn-noshow = 🚫 Did not come
cons-btn-open-room = 🎥 Open the video room
cons-join =
    🎥 Consultation No. { $id }: { $patient }, { $date } at { $time } ({ $zone }), { $mode ->
        [video] video
       *[audio] audio
    }.
    You are the moderator: the patient waits in the lobby until you let them in.
    The link is yours alone, do not forward it. It works from { $from } until { $until } ({ $zone }).
cons-noshow-confirm = Record that the patient { $patient } did not come to consultation No. { $id } ({ $date }, { $time }, { $zone })? The patient will be told.
cons-btn-noshow-yes = 🚫 Yes, did not come
cons-btn-noshow-no = Cancel
cons-noshow-kept = All right, consultation No. { $id } stays as it is.
cons-noshow-done = Recorded: the patient { $patient } did not come to consultation No. { $id }.
cons-noshow-done-application = Recorded: the patient { $patient } did not come to consultation No. { $id }. Application No. { $application } is back with you — you can schedule a new time: /schedule { $application }
cons-cancelled-by-patient = ❌ The patient { $patient } cancelled consultation No. { $id } ({ $date }, { $time }, { $zone }). The time is free again.
cons-cancelled-by-patient-application = ❌ The patient { $patient } cancelled consultation No. { $id } ({ $date }, { $time }, { $zone }). The time is free again. Application No. { $application } is back with you: /schedule { $application }
concl-no-public-url = A conclusion cannot be issued now: the server has no public address (PUBLIC_URL), where the patient checks the document is genuine. Tell the administrator.
concl-ask-text = 📝 Conclusion of consultation No. { $id } ({ $patient }). Write the text of the conclusion as a message — up to { $max } characters. To cancel — /cancel.
concl-expect-text = Write the text as a message — or /cancel to cancel.
concl-ask-outcome = Text received ({ $length } characters). The outcome of the consultation:
concl-text-continued = The continuation was added to the text ({ $length } characters in all). The outcome of the consultation:
concl-ask-recommendations = Outcome: { $outcome }. Write recommendations for the patient as a message (up to { $max } characters) or press "No recommendations".
concl-btn-no-recommendations = No recommendations
concl-preview =
    Check the conclusion — once issued it cannot be changed.

    Patient: { $patient }
    Outcome: { $outcome }

    { $text }

    Recommendations: { $recommendations }
concl-no-recommendations = none
concl-btn-issue = ✅ Issue the conclusion
concl-btn-cancel = ✖️ Cancel
concl-cancelled = The conclusion was not issued; nothing was saved.
concl-too-many-steps = The conclusion was not issued: too many steps. Start again — /conclude and the consultation number.
concl-done = ✅ The conclusion of consultation No. { $id } is issued and the consultation completed. Verification code: { $code }. The patient will receive the PDF in the bot.
conclusion-file-name = Conclusion { $date }.pdf
conclusion-ready-caption = 📄 Specialist's conclusion of { $date }. Verification code: { $code }. Check it is genuine here: { $url }

## staff-slots

cmd-slots = Duty hours, days off, bookings
slots-not-duty = Duty schedules are for duty doctors. Your consultations: /today and /week.
slots-not-allowed = This schedule is not yours to manage.
slots-pick-doctor = 🗓 Whose duty schedule do you want to open?
slots-no-doctors = There are no duty doctors yet. To invite one: npm run cli -- staff invite --role duty_doctor --name "…"
slots-weekday = { $weekday ->
        [1] Mon
        [2] Tue
        [3] Wed
        [4] Thu
        [5] Fri
        [6] Sat
       *[7] Sun
    }
slots-day-label = { $weekday ->
        [1] Mon
        [2] Tue
        [3] Wed
        [4] Thu
        [5] Fri
        [6] Sat
       *[7] Sun
    } { $date }
slots-template-line = { $days } { $from }–{ $to }, { $length } min each
slots-title =
    🗓 Duty schedule: { $name }
    Times in { $zone }
slots-no-specialty = ⚠️ No specialty is set, so patients do not see these slots yet. Ask an administrator.
slots-week-title = Weekly hours:
slots-week-empty = None yet — add them with “➕ Add hours”.
slots-days-off = Days off: { $days }
slots-next-title = Next 7 days:
slots-next-day = { $day } — { $free } free, { $booked } booked
slots-next-day-off = { $day } — day off{ $booked ->
        [0] {""}
       *[other] , but { $booked } booked
    }
slots-next-day-none = { $day } — no hours
slots-btn-add = ➕ Add hours
slots-btn-remove = ➖ Remove hours
slots-btn-day-off = 🌴 Day off
slots-btn-generate = 🔄 Refresh slots
slots-btn-doctors = « All duty doctors
slots-btn-back = « To the schedule
slots-generated = Slots are generated { $days } days ahead. New: { $opened }.
slots-day-title = 🗓 { $day } ({ $zone }) · { $name }
slots-day-is-off = 🌴 Day off.
slots-day-free = Free ({ $count }): { $times }
slots-day-free-none = No free slots.
slots-day-booked-title = Booked ({ $count }):
slots-day-booked-line = { $time } — No. { $id } { $patient }, { $mode ->
        [video] video
       *[audio] audio
    }
slots-day-booked-none = Nothing booked.
slots-btn-cancel-booking = ❌ { $time } { $patient }
slots-btn-make-off = 🌴 Make it a day off
slots-btn-make-working = ↩️ Make it a working day
slots-off-pick = 🌴 Which day do you want off? Times in { $zone }. In brackets: bookings that day; 🌴 is already a day off (press it to make it a working day again).
slots-off-btn-off = 🌴 { $day }
slots-off-btn-booked = { $day } ({ $booked })
slots-off-done = 🌴 { $day } is a day off. Free slots removed: { $removed }.
slots-off-undone = ↩️ { $day } is a working day again. Slots opened: { $opened }.
slots-remove-pick = ➖ Which hours do you want to remove? Their free slots go; patients' bookings stay.
slots-remove-none = Nothing to remove: no hours are set.
slots-removed = Removed: { $line }.
slots-removed-booked = Bookings in these hours stay. You can cancel them here by opening the day:
slots-booked-item = • { $day } { $time } — No. { $id } { $patient }
slots-tpl-days = ➕ New duty hours. Choose the weekdays (several if you like) and press “Next”.
slots-tpl-day-on = ✅ { $day }
slots-btn-next = Next ➡️
slots-btn-cancel = ✖️ Cancel
slots-btn-other-days = « Other days
slots-btn-other-hours = « Other hours
slots-tpl-pick-day-first = Choose at least one day first.
slots-tpl-hours = Days: { $days }. Type the hours with a dash, e.g. 09:00-13:00 (times in { $zone }).
slots-tpl-hours-invalid = I did not understand the hours. Type the start and the end with a dash, e.g. 09:00-13:00.
slots-tpl-hours-order = The end must be after the start, e.g. 09:00-13:00.
slots-tpl-length = { $days } { $from }–{ $to } ({ $zone }). How many minutes per patient?
slots-tpl-length-btn = { $minutes } min
slots-tpl-added = ✅ Added: { $line }. Slots opened: { $opened }.
slots-tpl-cancelled = All right, no hours were added.
slots-tpl-too-many-steps = Adding hours stopped: too many steps. Start again with /slots.
slots-cancel-one = ❌ Cancel consultation No. { $id }: { $patient }, { $day } at { $time } ({ $zone })? The patient will get an apology and an offer to book another time.
slots-cancel-day = 🌴 Make { $day } a day off? There are bookings that day ({ $count }): they will be cancelled, and each patient will get an apology and an offer to book another time:
slots-ask-reason = Type a reason for the patient (up to { $max } characters) or press “No reason”.
slots-btn-no-reason = No reason
slots-btn-keep = « Don't cancel
slots-reason-too-long = The reason is too long: { $length } characters, at most { $max }. Please shorten it and send it again.
slots-reason-line = Reason for the patient: “{ $reason }”
slots-reason-none = No reason given.
slots-confirm-one = Confirm cancelling consultation No. { $id }: { $patient }, { $day } at { $time } ({ $zone }).
slots-btn-cancel-close = ❌ Cancel, close the time
slots-btn-cancel-reopen = ❌ Cancel, give the time to others
slots-confirm-day = Confirm: { $day } is a day off{ $count ->
        [0] ; there are no bookings that day any more.
       *[other] , and its bookings ({ $count }) are cancelled:
    }
slots-btn-confirm-day = { $count ->
        [0] 🌴 Yes, day off
       *[other] 🌴 Yes, day off, cancel bookings ({ $count })
    }
slots-cancelled-one = ✅ Consultation No. { $id } is cancelled. { $reopened ->
        [yes] The time is open for booking again.
       *[no] The time is closed for booking.
    } { $notified ->
        [yes] The patient will be told in the bot.
       *[no] The patient is not connected to the bot — please tell them yourself.
    }
slots-day-off-cancelled = 🌴 { $day } is a day off. Bookings cancelled: { $cancelled } — the patients will be told. Free slots removed: { $removed }.
slots-booked-changed = While you were deciding, the bookings on { $day } changed — please check again.
slots-kept = All right, nothing was cancelled.
slots-flow-too-many-steps = Cancelling stopped: too many steps, nothing was cancelled. Start again with /slots.
slots-err-not-duty-doctor = This is not a duty doctor: there is no duty schedule.
slots-err-template-invalid = { $field ->
        [slotMinutes] Slots of that length do not fit these hours. Choose a shorter length or other hours.
        [weekday] Choose at least one weekday.
       *[other] The hours are wrong: a start and an end within one day, e.g. 09:00-13:00.
    }
slots-err-template-overlaps = These hours overlap hours already set on one of the chosen days. Type other hours.
slots-err-template-not-found = These hours are no longer in the schedule.
slots-err-date-invalid = There is no such date.
slots-err-consultation-not-found = Consultation not found — it may have been cancelled already.
slots-err-consultation-not-open = The consultation is no longer open: it took place, was cancelled or marked as a no-show.
slots-err-consultation-started = The consultation has already started — it cannot be cancelled.
slots-note-booked =
    📅 New duty booking: consultation No. { $id }.
    Patient: { $patient }
    Time: { $date }, { $time } ({ $zone })
    Format: { $mode ->
        [video] video
       *[audio] audio
    }
    Card: /consultation { $id }

## duty-notifications

duty-note-cancelled =
    😔 We are sorry: the doctor has cancelled the consultation.
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
