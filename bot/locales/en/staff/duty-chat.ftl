## duty-chat (the doctor's side)

dchat-staff-header =
    💬 <b>Duty chat · consultation #{ $id }</b>
    Patient: { $patient }
    Consultation: { $date } { $time } { $zone }
dchat-staff-hint = ↩️ To answer the patient, reply to this message.
dchat-staff-sent = ✓ Sent to the patient { $patient }.
dchat-staff-reply-unknown = This message is not from a chat with a patient, so your answer went nowhere. To answer a patient, choose Reply on their message headed "💬 Duty chat".
dchat-staff-not-yours = Consultation #{ $id } is handled by another doctor: only its doctor can answer the patient. Your answer was not sent.
dchat-staff-closed =
    The chat is closed; your answer was not sent: { $reason ->
        [ended] the consultation is over.
        [cancelled] the consultation was cancelled.
        [completed] the consultation has been completed.
        [no_show] the consultation is over.
       *[other] the consultation is not available.
    }
dchat-staff-only-text-photo = Only text and photos reach the patient. Your answer was not sent: please write it as text or send a photo.
dchat-staff-photo-error =
    The photo was not sent: { $code ->
        [file_too_big] the file is larger than 20 MB.
        [image_too_large] the image is too large.
        [busy] many uploads are being processed; send it again in a minute.
        [download_failed] Telegram did not give us the photo; send it again.
       *[other] the photo is damaged or in an unsupported format.
    }
