## verify: the public page that checks a conclusion's code (api/verify.ts); every language is shown, one section each

verify-title = Проверка заключения
verify-genuine = Заключение подлинное
verify-not-found = Заключение не найдено
verify-not-found-hint = Проверьте код: он напечатан внизу каждой страницы заключения. Если код верен, а заключение не находится, обратитесь в поддержку сервиса «Облако здоровья».
verify-compare = Сверьте эти сведения с документом, который вам показали. Полное имя пациента и содержание заключения здесь не показываются.
verify-code = Код
verify-center = Медицинская организация
verify-doctor = Врач
verify-issued = Дата заключения
verify-consultation = Консультация
verify-patient = Пациент
verify-outcome = Итог
verify-enter = Введите код проверки
verify-check = Проверить
verify-too-many = Слишком много проверок
verify-too-many-hint = С вашего адреса пришло слишком много проверок за минуту. Подождите минуту и попробуйте снова.
