## referral

referral-offer = { $known ->
    [yes] You were referred by { $by } to { $center }.
   *[no] You were referred to { $center }.
}
    The consultation is free and takes place over video. If this referral is yours, please confirm, and the bot will help you apply.
referral-btn-confirm = ✅ Yes, this is me
referral-btn-not-me = This is not me
referral-unknown = This invitation link was not found: it may contain a mistake or be cut short. Open the link from the SMS again in full, or ask the doctor who referred you.
referral-used = This invitation has already been used. If you did not open it, please contact the doctor who referred you.
referral-used-registration = This referral has already been taken up. Let us go on with the registration.
referral-birth-ask = To make sure this referral is yours, please type the birth date of the patient who was referred, for example 05.03.1961. If the referral is not yours, send /cancel.
referral-birth-wrong = The birth date does not match the one in the referral. Please check it and type it again. { $left ->
    [one] { $left } try left.
   *[other] { $left } tries left.
}
referral-refused = The referral could not be confirmed: the birth date did not match. Please contact the doctor who referred you.
referral-refused-registration = The referral could not be confirmed: the birth date did not match. Please contact the doctor who referred you. Meanwhile, let us go on with the registration.
referral-not-me = Understood, the referral is not linked to your account. Thank you for telling us.
referral-not-me-registration = Understood, the referral is not linked. Let us go on with the registration.
referral-phone-none = Thank you. No referral was found for this number. If a doctor referred you to a center, open the link from the SMS.
referral-stale = This button is out of date. Open the link from the SMS again.
referral-gone = The referral was not found. Open the link from the SMS again or choose an action in the menu.
referral-profile-intro = The profile is filled in from the referral. If anything is wrong, correct it with the buttons below.
referral-region-unknown = The referral names the region “{ $region }”, which I could not recognise. Please give the region.
referral-too-many-corrections = Too many corrections in a row. Open the link from the SMS again and we will go on from here.
referral-btn-edit-relation = ✏️ Who the patient is
referral-profile-saved = The profile of { $name } is saved and linked to the referral.
referral-profile-matched = The referral is linked to a profile already registered: { $name }.
referral-complaints-ask =
    The diagnosis in the referral: { $diagnosis }
    Briefly describe what troubles you now, so the center's doctor can prepare. At most { $max } characters.
    If there is nothing to add, press the button: the doctor will see the reason from the referral.
referral-btn-no-complaints = Nothing to add
referral-docs-intro = What is left is to upload the documents the center needs for this referral.
referral-sent =
    ✅ Application No. { $id } under the referral has been sent to { $center }.
    You will be told of the decision within 2–4 days, here in this chat. If more documents are needed, the doctor will say which.
referral-already-submitted = The application under this referral has already been sent (No. { $id }). Its state is under “🗂 My applications”.
referral-open-exists = The patient already has an open application No. { $id } to { $center }: the referral is joined to it, and the center's doctor will see who referred you. You can see it under “🗂 My applications”.
referral-catalog-changed = The center or condition of the referral is not taken through the service at the moment. Please contact the doctor who referred you.
referral-changed = The referral changed while you were completing it. Open the link from the SMS again.
referral-not-found = The referral was not found. Open the link from the SMS again.
referral-no-profile = The patient's profile needs confirming first. Open the link from the SMS again.

## referral left unfinished

referral-unfinished = The application under your referral to { $center } is not finished. Go on from where you stopped?
referral-btn-resume = ▶️ Go on
