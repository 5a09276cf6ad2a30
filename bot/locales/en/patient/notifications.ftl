## notifications

app-note-in-review = 🩺 A doctor of { $center } has taken application No. { $id } (patient { $name }). The doctor will study the documents and decide how to help; the answer will come here.
app-note-needs-documents = 📎 The center's doctor asks to add to application No. { $id } to { $center } (patient { $name }). Please upload: { $kinds }.
app-note-doctor-comment = The doctor's comment: “{ $comment }”
app-note-needs-documents-how = Upload them with the buttons below; photos or PDFs will do. As soon as everything is uploaded, the application goes back to the doctor.
app-btn-book-duty = 🩺 Book the duty doctor
app-note-declined =
    We are sorry: the center's doctor could not accept application No. { $id } to { $center } (patient { $name }).
    Reason: { $reason }

    This is not a refusal of help. You can book the duty doctor — a consultation with the duty doctor needs no documents: the doctor will answer your questions and suggest what to do next. When new documents appear, you can apply again.
consult-note-scheduled =
    📅 <b>Consultation booked.</b>
    Patient: { $name }
    Center: { $center }
    Doctor: { $doctor }
    When: { $when }
    Time zone: { $zone }
    Connection: { $mode ->
        [audio] sound only
       *[video] video
    }

    We will send the link to the consultation room here before the start.
consult-note-cancel-until = You can cancel or move this booking until { $until }, { $zoneAt }.
consult-note-cancel-closed = It starts in less than { $unit ->
        [hours] { $hours } { $hours ->
            [one] hour
           *[other] hours
        }
       *[minutes] { $minutes } min
    }: this booking can no longer be cancelled or moved. If you cannot join, the doctor will note it.
consult-note-rescheduled =
    🔁 <b>Consultation moved from { $from } to { $to }.</b>
    Patient: { $name }
    Doctor: { $doctor }
    When: { $when }
    Time zone: { $zone }
    Connection: { $mode ->
        [audio] sound only
       *[video] video
    }
consult-note-no-show =
    Consultation: { $when }, { $zoneAt }. The doctor waited for { $name }, but nobody joined.
    That happens. The application is with the doctor again: the doctor may book a new time, and we will tell you here.

## the conclusion (patient)

conclusion-file-name = Conclusion { $date }.pdf
conclusion-ready-caption = 📄 Specialist's conclusion of { $date }. Verification code: { $code }. Check it is genuine here: { $url }
