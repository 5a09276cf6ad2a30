## applications

menu-applications = 🗂 My applications
cmd-applications = My applications and their status
apps-none = No applications yet. To apply to a center, press “📝 Apply to a center”.
apps-header = 🗂 <b>Your applications:</b>
apps-header-recent = 🗂 <b>Your applications (the latest { $shown } of { $total }):</b>
apps-entry =
    <b>No. { $id } · { $center }</b>
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
apps-entry-when = Consultation: { $when } { $zoneAt }
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
consult-cancel-ask = Cancel the consultation of { $name } — { $when } { $zoneAt }?
consult-kept = All right, the consultation stays booked.
consult-cancelled = The consultation is cancelled: { $when }, { $zoneAt }. The doctor has been told. The application stays with the doctor; we will write here about what comes next.
consult-not-found = Consultation not found.
consult-not-open = This consultation can no longer be cancelled: { $status ->
    [cancelled] it is already cancelled.
   *[other] it is already over.
}
consult-cancel-too-late = A duty consultation can be cancelled no later than { $minutes } minutes before the start, and that time has passed. If you cannot join, the doctor will note it.
consult-started = The consultation has already started; it cannot be cancelled.
