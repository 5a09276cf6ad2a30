## home

greeting = Здравствуйте, { $name }!
for-whom = Для кого
relation = { $relation ->
        [self] я
        [child] ребёнок
        [relative] родственник
       *[other] { $relation }
    }
upcoming-title = Ближайшие консультации
no-upcoming = Запланированных консультаций нет.
nearest-title = Ближайшее свободное время
book-duty = Записаться к дежурному врачу
all-consultations = Все мои консультации
device-check = Проверить камеру и интернет
applications-title = Мои заявки в центры
application-status = { $status ->
        [submitted] Отправлена, ждёт врача
        [in_review] Врач изучает документы
        [needs_documents] Нужны ещё документы — загрузите их в боте
        [scheduled] Консультация назначена
        [declined] Отклонена — причина в боте
        [withdrawn] Отозвана
        [completed] Завершена
       *[other] { $status }
    }
sent-on = Отправлена { $date }
