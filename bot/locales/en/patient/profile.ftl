## profile

profile-list-header = Patient profiles on this account:
profile-card =
    👤 { $name } ({ $relation })
    Date of birth: { $birth } (age { $age })
    Phone: { $phone }
    Region: { $region }
    Time zone: { $zone }
    Documents: { $documents }
profile-btn-edit-name = ✏️ Name
profile-btn-edit-birth = ✏️ Birth date
profile-btn-edit-phone = ✏️ Phone
profile-btn-edit-region = ✏️ Region
profile-updated = Saved.
profile-not-found = This profile was not found — perhaps it was deleted.
profile-none = No profiles yet. Press "➕ Add a patient".
pick-profile = For whom? Choose the patient:
