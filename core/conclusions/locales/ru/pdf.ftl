## conclusion PDF: its printed words (core/conclusions/pdf.ts), in the language of the document

pdf-title = Заключение специалиста
pdf-patient = Пациент
pdf-birth-date = Дата рождения
pdf-doctor = Врач
pdf-consultation-time = Дата и время консультации
pdf-issued = Дата заключения
pdf-outcome = Итог консультации
pdf-conclusion = Заключение
pdf-recommendations = Рекомендации
pdf-verification-code = Код проверки
pdf-verify-at = Проверить подлинность
pdf-page = Стр. { $n } из { $total }
# Running header of pages after the first.
pdf-continued = Заключение специалиста (продолжение)

## the header of a conclusion by a doctor without a center (a duty doctor of the service itself)

pdf-service-name = Облако здоровья — бесплатные онлайн-консультации специалистов
pdf-service-short-name = Облако здоровья
