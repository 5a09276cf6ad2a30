## conclusion PDF: its printed words (core/conclusions/pdf.ts), in the language of the document

pdf-title = Specialist's conclusion
pdf-patient = Patient
pdf-birth-date = Date of birth
pdf-doctor = Doctor
pdf-consultation-time = Consultation date and time
pdf-issued = Date of conclusion
pdf-outcome = Outcome
pdf-conclusion = Conclusion
pdf-recommendations = Recommendations
pdf-verification-code = Verification code
pdf-verify-at = Verify authenticity
pdf-page = Page { $n } of { $total }
# Running header of pages after the first.
pdf-continued = Specialist's conclusion (continued)

## the header of a conclusion by a doctor without a center (a duty doctor of the service itself)

pdf-service-name = Oblako Zdorovya (Health Cloud) — free online consultations with specialists
pdf-service-short-name = Oblako Zdorovya
