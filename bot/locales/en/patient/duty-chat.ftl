## duty-chat (the patient's side)

cmd-duty_doctor = Write to the duty doctor
dchat-btn-ask = 💬 Ask the duty doctor
dchat-btn-leave = Leave the chat with the doctor
dchat-btn-reply = 💬 Reply to the doctor
dchat-btn-book = 📅 Book a consultation
dchat-welcome =
    ⚠️ This chat is not for emergencies. If you suddenly get worse (severe chest pain, shortness of breath, bleeding, fainting), call 103 or 112.

    <b>Chat with the duty doctor</b>
    Doctor: { $doctor }
    Consultation: { $when } { $zoneAt }
    Patient: { $name }

    Write your question or send a photo (a test result, a discharge summary); the answer will come here. The doctor answers when they can; the chat stays open until the consultation ends. To leave, use the button below or /cancel.
dchat-sent = ✓ Passed to the doctor.
dchat-left = You have left the chat with the duty doctor. To come back, send /duty_doctor.
dchat-only-text-photo = Only text and photos reach the doctor. Stickers, voice and video messages and files are not passed on; please write your question in words and send a picture of a document as a photo (not as a file).
dchat-closed =
    The chat with the duty doctor about this consultation is closed: { $reason ->
        [ended] the consultation is over.
        [cancelled] the consultation was cancelled.
        [completed] the consultation has been completed.
        [no_show] the consultation is over.
        [no_doctor] the doctor cannot receive messages now. You can ask your question during the consultation.
       *[other] there is no such duty-doctor booking.
    }
dchat-closed-book = If you still have questions, book a new consultation with a duty doctor; it is free.
dchat-closed-book-menu = If you still have questions, book a new consultation with a duty doctor; it is free: open "{ $app }" in the bot's menu.
dchat-none = You have no duty-doctor bookings to write about right now: the chat opens when you book a consultation and stays open until it ends. You can book in "{ $app }" (the bot's menu button).
dchat-choose = Choose the consultation you want to write to the doctor about:
dchat-choose-entry = { $when } { $zoneAt }: { $name }, doctor { $doctor }
dchat-from-doctor = 💬 Duty doctor { $doctor }, consultation on { $when }, { $zoneAt }:
dchat-photo-error =
    The photo was not passed on: { $code ->
        [file_too_big] the file is larger than 20 MB. Please send a smaller picture.
        [image_too_large] the image is too large. Please send a smaller picture.
        [busy] many uploads are being processed. Please send the photo again in a minute.
        [download_failed] Telegram did not give us the photo. Please send it again.
       *[other] the photo is damaged or in an unsupported format. Please take it again and send it as a photo.
    }

dchat-undelivered =
    ⚠️ { $doubt ->
        [yes] Your message { $what } may not have reached the duty doctor, consultation on { $when }, { $zoneAt }: sending it again failed, so an answer may not come.
       *[other] Your message { $what } could not be delivered to the duty doctor, consultation on { $when }, { $zoneAt }, so no answer to it will come.
    }

    Please ask this question at the consultation. If your condition suddenly gets worse, call 103 or 112.
dchat-undelivered-text = «{ $text }»
dchat-undelivered-photo = with a photo
