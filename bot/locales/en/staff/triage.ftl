## staff-triage

triage-card-new = 🆕 <b>New application #{ $id }</b>
triage-card-documents-added = 📥 <b>The patient uploaded the requested documents — application #{ $id }</b>
triage-card-title = <b>Application #{ $id }</b>
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

## referral in the staff bot

triage-card-referral = 📨 Referred by: { $by }
