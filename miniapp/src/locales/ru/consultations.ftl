## consultations: the list, one consultation, joining, cancelling

consultations-title = Мои консультации
upcoming = Предстоящие
past = Прошедшие и отменённые
no-past = Прошедших консультаций пока нет.
consultation-title = Консультация
mode-label = { $mode ->
        [video] Видеосвязь
        [audio] Только звук
       *[other] { $mode }
    }
consultation-status = { $status ->
        [scheduled] Запланирована
        [completed] Состоялась
        [cancelled] Отменена
        [no_show] Не состоялась
       *[other] { $status }
    }
doctor = Врач
when = Когда
connection = Связь
status-label = Состояние
specialty = { $specialty ->
        [cardiology] Кардиолог
        [gynecology] Гинеколог
       *[other] { $specialty }
    }
zone-note = Всё время — { $zone }.
join = Войти в консультацию
join-opens-at = Войти можно будет { $when }, за 10 минут до начала.
join-opening = Открываем…
join-how-title = Как пройдёт консультация
join-how-browser = Консультация откроется в браузере телефона: там камера и микрофон работают надёжнее, чем внутри Telegram.
join-how-allow = Когда браузер спросит, разрешите доступ к камере и микрофону.
join-how-lobby = Сначала вы попадёте в зал ожидания. Не закрывайте страницу: врач впустит вас, когда будет готов.
join-not-open = Войти пока нельзя: вход открывается за 10 минут до начала.
cancel = Отменить запись
cancel-confirm = Отменить консультацию { $when }?
cancel-yes = Да, отменить
cancel-no = Нет, оставить
cancel-done = Запись отменена. Время освободилось для других.
cannot-cancel = Отменить или перенести уже нельзя: до начала меньше { $minutes } минут.
reschedule = Перенести на другое время
book-again = Записаться на другое время
join-now-title = Консультация скоро начнётся
conclusion = Заключение врача (PDF)
conclusion-in-chat = Заключение также отправлено вам в чат бота.
verification-code = Код проверки заключения: { $code }
booked = Вы записаны! Бот напомнит о консультации заранее.
rescheduled = Консультация перенесена.
