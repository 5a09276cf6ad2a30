## staff-referrals-import

refimport-managers-only = Only managers and admins load referral tables. Please pass the file to the project manager.
refimport-done =
    <b>Table “{ $file }” loaded.</b>
    New referrals: { $imported } — each patient gets an SMS invite to the bot.
    Already known: { $known } — not added again.
    Rows rejected: { $rejected }.
refimport-sms-not-configured = ⚠️ No SMS provider is configured (SMS_PROVIDER): the invites were only written to the service log, and no patient will receive them. Ask an administrator to set up the provider, then send the invites again from /referrals.
refimport-errors-caption = Rejected rows: { $rejected }. What to fix is in the “Ошибка” (error) column. Correct them in this file and send it again: patients already loaded will not be duplicated.
refimport-refused =
    Table “{ $file }” was not loaded; nothing was added.
    { $reason }
refimport-err-empty = The file is empty.
refimport-err-too-big = The file is larger than { $maxMb } MB. Split the table into several files.
refimport-err-too-many-rows = The table has more than { $max } rows. Split it into several files.
refimport-err-not-table = This is not a table. Send an Excel file (.xlsx) or a CSV.
refimport-err-old-excel = This is an old Excel file (.xls). Open it in Excel, save it as “Excel Workbook (.xlsx)” or CSV, and send it again.
refimport-err-opendocument = This is a LibreOffice spreadsheet (.ods). Save it as “Excel 2007–365 (.xlsx)” or CSV and send it again.
refimport-err-unreadable = The file is damaged or cannot be opened. Save the table again as .xlsx or CSV.
refimport-err-no-header = No header row found. One of the first 20 rows must name the columns: ФИО (full name), Дата рождения (birth date), Телефон (phone), Центр (center), Заболевание (condition); optionally Диагноз, МКБ-10, Направивший врач, Медицинская организация, Регион.
refimport-err-missing-columns = The table lacks required columns: { $columns }. Add them to the header row.
refimport-err-no-rows = There is not a single filled row under the header.
refimport-err-download = The file could not be downloaded from Telegram. Please send it again.
