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
