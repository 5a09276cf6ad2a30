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
    <b>Application for { $name }</b>
    Which center? Choose with a button below.
apply-center-line = • { $center } — { $specialty ->
    [cardiovascular] heart and vessels, adults and children: heart defects, coronary disease, arrhythmias, cardiomyopathies, arterial and venous disease.
    [obstetrics_gynecology] pregnancy and women's health: fetal defects and arrhythmias, tumours in pregnancy, diseases of the female organs and the breast.
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
apply-checklist-header =
    <b>Documents for the application</b>
    { $center }, “{ $condition }”
apply-check-have = ✅ { $kind }
apply-check-missing = ❌ { $kind }
apply-check-optional-have = ✅ { $kind } (optional)
apply-check-optional-missing = ➖ { $kind } (if you have it)
apply-checklist-missing = Missing: { $kinds }. The application cannot go without them: the doctor decides from them how to help. Upload them with the buttons below (photos or PDFs).
apply-duty-hint = No such documents? You can book the duty doctor, who needs none.
# While files of one kind arrive, in place of the footer: the checklist itself acknowledges each file.
apply-checklist-uploading = 📎 “{ $kind }”: { $count ->
    [one] 1 file
   *[other] { $count } files
} received. Send more, or press “✅ Done” when that is all.
apply-checklist-complete = All the documents needed are here. You can check the application and send it.
apply-btn-upload = 📎 Upload: { $kind }
apply-btn-upload-optional = 📎 { $kind } (optional)
apply-btn-review = 📨 Send the application
apply-btn-drop = ✖️ Cancel the application
apply-send-blocked = The application cannot be sent yet: required documents are missing.
apply-summary =
    <b>Please check the application:</b>
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
