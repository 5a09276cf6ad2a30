## help

help-text =
    Oblako Zdorovya — free online consultations with doctors of the Bakulev and Kulakov centers. Three ways to a doctor:
    1. 🩺 Duty doctor, no documents: “My account” left of the message field.
    2. 📝 Apply to a center, with documents; the answer in 1–3 days.
    3. 📨 By referral: the link in your SMS.
    /cancel stops the current action, /delete_me deletes your data.
    If a life is at risk, call 103 or 112.
