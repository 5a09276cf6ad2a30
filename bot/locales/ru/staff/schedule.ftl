## staff-schedule

cmd-schedule = Назначить консультацию по заявке: /schedule 12
sched-btn = 📅 Назначить
sched-usage = Укажите номер заявки: /schedule 12
sched-pick-day =
    📅 Заявка №{ $application } · { $condition }
    Выберите день консультации. Время — { $zone }; в скобках — сколько свободных времён в этот день.
sched-day-btn = { $weekday ->
        [1] Пн
        [2] Вт
        [3] Ср
        [4] Чт
        [5] Пт
        [6] Сб
       *[7] Вс
    } { $date } ({ $free })
sched-day-btn-full = { $weekday ->
        [1] Пн
        [2] Вт
        [3] Ср
        [4] Чт
        [5] Пт
        [6] Сб
       *[7] Вс
    } { $date } —
sched-day-title = { $weekday ->
        [1] понедельник
        [2] вторник
        [3] среда
        [4] четверг
        [5] пятница
        [6] суббота
       *[7] воскресенье
    }, { $date }
sched-day-full = На этот день свободного времени нет — выберите другой.
sched-pick-time = 🕑 { $day } — свободное время ({ $zone }). Выберите кнопкой или напишите своё, например 14:30.
sched-type-time = ⌨️ Напишите время начала на { $day } в формате ЧЧ:ММ, например 14:30 ({ $zone }).
sched-time-invalid = Не понял время. Напишите его в формате ЧЧ:ММ, например 14:30.
sched-pick-day-first = Сначала выберите день кнопкой в календаре.
sched-pick-mode = { $day }, { $time } ({ $zone }). Как пройдёт консультация?
sched-btn-type = ⌨️ Своё время
sched-btn-other-day = « Другой день
sched-btn-other-time = « Другое время
sched-btn-back-times = « Свободное время
sched-btn-cancel = ✖️ Отмена
sched-btn-video = 🎥 Видео
sched-btn-audio = 🎙 Аудио
sched-cancelled = Назначение отменено, консультация не создана.
sched-too-many-steps = Назначение прервано: слишком много шагов. Начните заново — /schedule и номер заявки.
sched-done =
    ✅ <b>Консультация №{ $id } назначена.</b>
    Пациент: { $patient }
    Время: { $date }, { $time } ({ $zone })
    Формат: { $mode ->
        [video] видео
       *[audio] аудио
    }
    { $notified ->
        [yes] Пациент получит уведомление в боте.
       *[no] Пациент не подключён к боту — сообщите ему время сами.
    }
    Карточка: /consultation { $id }
