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
rel-summary = { $relation ->
    [self] you
    [child] your child
   *[relative] your relative
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
    <b>Please check:</b>
    Who is the patient: { $relation }
    Full name: { $name }
    Date of birth: { $birth }
    Phone: { $phone }
    Region: { $region }
    Time zone: { $zone }
reg-check =
    <b>Please check:</b>
    Full name: { $name }
    Date of birth: { $birth }
    Phone: { $phone }
reg-region-pick = If everything is right, press your region: it lets appointment times show by your own clock.
reg-btn-other-region = 🔎 Another region
reg-done-region =
    Region: { $region }
    Time zone: { $zone }
    You can change it under "👤 Profiles".
reg-added-shared =
    <b>Profile added: { $name }.</b>
    The phone and region are taken from your profile:
    Phone: { $phone }
    Region: { $region }
    Time zone: { $zone }
    If this patient's differ, press a button below.
reg-added-menu = Now you can upload this patient's documents — the "📄 Documents" button.
reg-btn-confirm = ✅ All correct
reg-btn-restart = ✏️ Start over
reg-done = Done! { $name } is registered. Now you can upload medical documents — the "📄 Documents" button.
profiles-limit = One account can hold at most { $max } profiles.
self-exists = Your own profile already exists. You can add a child or a relative.
phone-yes = { $phone } (verified)
phone-no = { $phone } (unverified)
