## verify: the public page that checks a conclusion's code (api/verify.ts); every language is shown, one section each

verify-title = Conclusion check
verify-genuine = The conclusion is genuine
verify-not-found = Conclusion not found
verify-not-found-hint = Check the code: it is printed at the bottom of every page of the conclusion. If the code is right and still not found, contact the support of Oblako Zdorovya.
verify-compare = Compare these details with the document you were shown. The patient's full name and the text of the conclusion are not shown here.
verify-code = Code
verify-center = Medical organization
verify-doctor = Doctor
verify-issued = Date of conclusion
verify-consultation = Consultation
verify-patient = Patient
verify-outcome = Outcome
verify-enter = Enter the verification code
verify-check = Check
verify-too-many = Too many checks
verify-too-many-hint = Too many checks came from your address in one minute. Please wait a minute and try again.
