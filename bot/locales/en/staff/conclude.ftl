## staff-conclude

concl-no-public-url = A conclusion cannot be issued now: the server has no public address (PUBLIC_URL), where the patient checks the document is genuine. Tell the administrator.
concl-ask-text = 📝 Conclusion of consultation No. { $id } ({ $patient }). Write the text of the conclusion as a message — up to { $max } characters. To cancel — /cancel.
concl-expect-text = Write the text as a message — or /cancel to cancel.
concl-ask-outcome = Text received ({ $length } characters). The outcome of the consultation:
concl-text-continued = The continuation was added to the text ({ $length } characters in all). The outcome of the consultation:
concl-ask-recommendations = Outcome: { $outcome }. Write recommendations for the patient as a message (up to { $max } characters) or press "No recommendations".
concl-btn-no-recommendations = No recommendations
concl-preview =
    <b>Check the conclusion — once issued it cannot be changed.</b>

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
