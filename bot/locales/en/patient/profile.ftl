## profile

profile-list-header = <b>Patient profiles on this account:</b>
profile-card =
    👤 <b>{ $name } ({ $relation })</b>
    Date of birth: { $birth } (age { $age })
    Phone: { $phone }
    Region: { $region }
    Time zone: { $zone }
    Documents: { $documents }
profile-btn-edit-name = ✏️ Name
profile-btn-edit-birth = ✏️ Birth date
profile-btn-edit-phone = ✏️ Phone
profile-btn-edit-region = ✏️ Region
profile-btn-delete = 🗑 Delete profile
profile-btn-delete-confirm = 🗑 Yes, delete
profile-btn-delete-keep = No, keep it
profile-delete-ask = Delete the profile "{ $name }" from your list? Its documents and consultation history stay in the service's archive, but you will no longer see them in the bot.
profile-delete-kept = All right, the profile stays.
profile-deleted = Profile deleted.
profile-self-delete = Your own profile cannot be deleted on its own. To delete all your data, send /delete_me.
profile-has-open-care = It cannot be deleted now: this patient has a booked consultation or an application under review. Cancel the booking or wait for the doctor's answer first.
profile-updated = Saved.
profile-not-found = This profile was not found — perhaps it was deleted.
profile-none = No profiles yet. Press "➕ Add a patient".
pick-profile = For whom? Choose the patient:
