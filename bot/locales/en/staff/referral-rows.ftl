## referral table rows: what to fix, one sentence each (the «Ошибка» column of the error workbook)

refrow-name-empty = Full name (ФИО) is missing
refrow-name-digits = The full name has digits: { $value }
refrow-name-symbols = The full name has stray characters: { $value } — only letters, hyphens and apostrophes
refrow-name-too-short = The full name is incomplete: { $value } — at least surname and first name are needed
refrow-name-too-long = The full name is longer than 150 characters
refrow-birth-date-missing = The birth date is missing
refrow-birth-date-format = The birth date is not recognised: { $value } — write it like 05.03.1961
refrow-birth-date-short-year = The birth date has a two-digit year: { $value } — write the whole year, like 05.03.1961
refrow-birth-date-impossible = No such date: { $value }
refrow-birth-date-future = The birth date is in the future: { $value }
refrow-birth-date-too-old = The birth date is too long ago: { $value }
refrow-phone-missing = The phone is missing
refrow-phone-not-mobile = The phone { $value } is not a mobile number — an SMS invite cannot reach it
refrow-phone-invalid = The phone is not recognised: { $value } — a mobile number is needed, like 8 912 345-67-89
refrow-too-long = { $column }: longer than { $max } characters — shorten it
refrow-formula = { $column }: { $value } starts like an Excel formula (with =, +, -, @ or a tab) — remove that sign at the start of the cell
refrow-icd10-invalid = The ICD-10 code is not recognised: { $value } — write it like I25.1 or N80.0
refrow-center-ambiguous = The center is ambiguous: "{ $value }" — it could be { $options }; keep one
refrow-center-unknown = Center not found: "{ $value }" — write { $options }
refrow-center-missing = The center is missing
refrow-condition-missing = The condition is missing
refrow-condition-ambiguous = The condition is ambiguous: "{ $value }" — it could be { $options }; write it in full
refrow-condition-elsewhere = The condition "{ $value }" belongs to «{ $other }», but «{ $center }» is given — correct the center or the condition
refrow-condition-unknown = Condition not found: "{ $value }" — «{ $center }» has: { $options }
refrow-condition-unknown-no-center = Condition not found: "{ $value }"; no center given — give a center and a condition from its list
