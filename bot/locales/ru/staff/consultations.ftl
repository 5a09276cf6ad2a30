## staff-consultations

staff-err-application-not-found = Заявка не найдена. Проверьте номер.
staff-err-application-not-yours = Эту заявку ведёт другой врач.
staff-err-application-wrong-status = Назначить консультацию нельзя: заявка { $status ->
        [needs_documents] ждёт документов от пациента
        [scheduled] уже назначена
        [declined] отклонена
        [withdrawn] отозвана пациентом
        [completed] уже завершена
       *[other] сейчас в другом состоянии
    }.
staff-err-application-changed = Заявка только что изменилась. Откройте её снова.
staff-err-time-in-past = Это время уже прошло или наступит слишком скоро — пациент не успеет получить уведомление. Выберите время позже.
staff-err-time-too-far = Так далеко записать нельзя: выберите день из календаря.
staff-err-time-taken = Это время пересекается с другой вашей консультацией. Выберите другое.
staff-err-consultation-not-found = Консультация не найдена. Проверьте номер.
staff-err-consultation-not-open = Консультация уже не открыта: она проведена, отменена или отмечена неявка.
staff-err-consultation-not-started = Консультация ещё не началась — это можно сделать после её начала.
staff-err-video-not-configured = Видеосвязь на сервере не настроена (нет настроек Jitsi), поэтому ссылку на комнату выдать нельзя. Сообщите администратору.
staff-err-video-window-closed = Время этой консультации прошло — ссылка на комнату больше не выдаётся.
staff-err-conclusion-text-empty = Текст заключения пуст. Напишите его сообщением.
staff-err-conclusion-text-too-long = Текст заключения слишком длинный: { $length } символов при максимуме { $max }. Сократите его и отправьте заново.
staff-err-recommendations-too-long = Рекомендации слишком длинные: { $length } символов при максимуме { $max }. Сократите их и отправьте заново.
staff-err-unknown-outcome = Такого итога нет в каталоге. Выберите итог кнопкой.
staff-err-not-your-consultation = Это консультация другого врача.
staff-err-staff-inactive = Ваша учётная запись отключена. Обратитесь к администратору.
staff-err-conclusion-already-issued = Заключение по этой консультации уже выдано — второе выдать нельзя.
cons-usage = Укажите номер консультации: { $command } 12
cons-line = { $time } · №{ $id } · { $patient } · { $mode ->
        [video] видео
       *[audio] аудио
    }{ $status ->
        [completed] { " · проведена" }
        [cancelled] { " · отменена" }
        [no_show] { " · неявка" }
       *[scheduled] { "" }
    }{ $held ->
        [none] { "" }
       *[other] { " · звонок " }{ $held }
    }
cons-held-minutes = { $minutes } мин
cons-held-ongoing = идёт
cons-today-title = 📅 Сегодня, { $weekday ->
        [1] понедельник
        [2] вторник
        [3] среда
        [4] четверг
        [5] пятница
        [6] суббота
       *[7] воскресенье
    }, { $date } ({ $zone })
cons-week-title = 📅 <b>Мои консультации на 7 дней с { $from } ({ $zone })</b>
cons-day = { $weekday ->
        [1] Понедельник
        [2] Вторник
        [3] Среда
        [4] Четверг
        [5] Пятница
        [6] Суббота
       *[7] Воскресенье
    }, { $date }
cons-day-today = Сегодня, { $date }
cons-none-today = Консультаций на сегодня нет.
cons-none-week = Консультаций нет.
cons-list-hint = Карточка консультации: /consultation и номер.
cons-card =
    🩺 Консультация №{ $id } — { $status ->
        [scheduled] назначена
        [completed] проведена
        [cancelled] отменена
        [no_show] неявка
       *[other] { $status }
    }
    Пациент: { $patient }, { $age } { $age ->
        [one] год
        [few] года
       *[other] лет
    }
    Время: { $date }, { $time }–{ $end } ({ $zone })
    Формат: { $mode ->
        [video] видео
       *[audio] аудио
    }
cons-card-application =
    <b>Заявка №{ $application } · { $center }</b>
    Заболевание: { $condition }
    Диагноз: { $diagnosis }
    Жалобы: { $complaints }
cons-card-no-application = Без заявки: запись к дежурному врачу.
cons-card-conclusion = 📄 Заключение выдано { $date }, код проверки { $code }.
cons-btn-join = 🎥 Видеокомната
cons-btn-conclude = 📝 Заключение
cons-btn-noshow = 🚫 Не пришёл
cons-btn-open-room = 🎥 Открыть видеокомнату
cons-join =
    🎥 Консультация №{ $id }: { $patient }, { $date } в { $time } ({ $zone }), { $mode ->
        [video] видео
       *[audio] аудио
    }.
    Вы — модератор: пациент ждёт в лобби, пока вы его не впустите.
    Ссылка личная и одноразовая, не пересылайте её; откройте до { $openBefore } (потом /join { $id } даст новую). Звонок доступен с { $from } до { $until } ({ $zone }).
cons-noshow-confirm = Отметить, что { $patient } { $patientGender ->
    [female] не пришла
   *[other] не пришёл
} на консультацию №{ $id } ({ $date }, { $time }, { $zone })? Пациент получит об этом сообщение.
cons-btn-noshow-yes = 🚫 Да, не пришёл
cons-btn-noshow-no = Отмена
cons-noshow-kept = Хорошо, консультация №{ $id } остаётся как есть.
cons-noshow-done = Отмечено: { $patient } { $patientGender ->
    [female] не пришла
   *[other] не пришёл
} на консультацию №{ $id }.
cons-noshow-done-application = Отмечено: { $patient } { $patientGender ->
    [female] не пришла
   *[other] не пришёл
} на консультацию №{ $id }. Заявка №{ $application } снова у вас — можно назначить новое время: /schedule { $application }
cons-cancelled-by-patient = ❌ { $patient } { $patientGender ->
    [female] отменила
   *[other] отменил
} консультацию №{ $id } ({ $date }, { $time }, { $zone }). Это время снова свободно.
cons-rescheduled-by-patient = 🔁 { $patient } { $patientGender ->
    [female] перенесла
   *[other] перенёс
} консультацию №{ $id } с { $fromDate }, { $fromTime } на { $date }, { $time } ({ $zone }).
cons-cancelled-by-patient-application = ❌ { $patient } { $patientGender ->
    [female] отменила
   *[other] отменил
} консультацию №{ $id } ({ $date }, { $time }, { $zone }). Это время снова свободно. Заявка №{ $application } снова у вас: /schedule { $application }
