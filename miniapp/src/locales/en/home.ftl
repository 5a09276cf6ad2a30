## home

greeting = Hello, { $name }!
for-whom = For whom
relation = { $relation ->
        [self] me
        [child] child
        [relative] relative
       *[other] { $relation }
    }
upcoming-title = Upcoming consultations
no-upcoming = No consultations are scheduled.
nearest-title = Nearest free times
book-duty = Book the duty doctor
all-consultations = All my consultations
device-check = Check camera and internet
applications-title = My applications to centers
application-status = { $status ->
        [submitted] Sent, waiting for a doctor
        [in_review] A doctor is reviewing the documents
        [needs_documents] More documents needed — upload them in the bot
        [scheduled] Consultation scheduled
        [declined] Declined — the reason is in the bot
        [withdrawn] Withdrawn
        [completed] Completed
       *[other] { $status }
    }
sent-on = Sent on { $date }
