## start

start-welcome =
    Hello! This is Oblako Zdorovya (Health Cloud) — free online consultations with doctors of two federal centers:
    • Bakulev Center for Cardiovascular Surgery;
    • Kulakov Center for Obstetrics, Gynecology and Perinatology.

    Here you can upload medical documents, apply to a center and have a video consultation without travelling to Moscow.
consent-ask =
    To continue we need your consent to the processing of personal data, including health data (Russian Federal Law 152-FZ).

    We keep the full name, birth date, phone, region and uploaded documents, and share them only with the doctors of the center you choose. You can withdraw consent and delete your data at any time with /delete_me.

    The full text is behind the "Consent text" button (version of { $version }).
consent-btn-accept = ✅ I agree
consent-btn-decline = I do not agree
consent-btn-full = 📜 Consent text
consent-declined =
    Without consent we cannot accept your data, so nothing was stored.

    If you change your mind, just send /start.
consent-accepted = Thank you! Your consent is recorded ({ $date }). Now let's register the patient.
welcome-back = Welcome back! Choose an action from the menu below.
consent-full =
    CONSENT TO THE PROCESSING OF PERSONAL DATA
    Version of { $version }

    Acting freely, of my own will and in my own interest (or as the patient's legal representative), under Federal Law No. 152-FZ of 27.07.2006 "On Personal Data", I consent to the operator of the Oblako Zdorovya service processing my personal data and the personal data of the patient I register.

    1. Data: surname, name, patronymic; date of birth; phone number; region of residence and time zone; Telegram identifier; health information contained in uploaded medical documents, diagnosis and complaints (a special category of personal data, Art. 10 of 152-FZ).

    2. Purposes: booking remote consultations, review of applications by doctors of federal medical centers, holding consultations and issuing conclusions, notifications about the review.

    3. Actions: collection, recording, systematisation, accumulation, storage, clarification, use, transfer (granting access) to doctors of the chosen federal center, depersonalisation, blocking, deletion, destruction — with automated means.

    4. The data is processed by persons professionally engaged in medical practice and bound by medical confidentiality.

    5. Term: until the purposes are achieved or consent is withdrawn. Consent can be withdrawn at any time with /delete_me: profiles, documents and files are deleted; only a record of the deletion, without health information, remains in the log.

    6. I confirm that I am entitled to provide the data of the persons I register (a child — as their legal representative, a relative — with their consent).
