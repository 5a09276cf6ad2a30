## staff-slots

cmd-slots = Дежурства: часы приёма, выходные, записи
slots-not-duty = Расписание дежурств — для дежурных врачей. Ваши консультации — /today и /week.
slots-not-allowed = Это расписание вам недоступно.
slots-pick-doctor = 🗓 Чьё расписание дежурств открыть?
slots-no-doctors = Дежурных врачей пока нет. Пригласить: npm run cli -- staff invite --role duty_doctor --name "…"
slots-weekday = { $weekday ->
        [1] Пн
        [2] Вт
        [3] Ср
        [4] Чт
        [5] Пт
        [6] Сб
       *[7] Вс
    }
slots-day-label = { $weekday ->
        [1] Пн
        [2] Вт
        [3] Ср
        [4] Чт
        [5] Пт
        [6] Сб
       *[7] Вс
    } { $date }
slots-template-line = { $days } { $from }–{ $to }, по { $length } мин
slots-title =
    🗓 Дежурства: { $name }
    Время — { $zone }
slots-no-specialty = ⚠️ Специальность не задана — пациенты пока не видят эти слоты. Обратитесь к администратору.
slots-week-title = Часы приёма по неделе:
slots-week-empty = Не заданы — добавьте их кнопкой «➕ Добавить часы».
slots-days-off = Выходные: { $days }
slots-next-title = Ближайшие 7 дней:
slots-next-day = { $day } — свободно { $free }, занято { $booked }
slots-next-day-off = { $day } — выходной{ $booked ->
        [0] {""}
       *[other] , но записей: { $booked }
    }
slots-next-day-none = { $day } — нет приёма
slots-btn-add = ➕ Добавить часы
slots-btn-remove = ➖ Убрать часы
slots-btn-day-off = 🌴 Выходной
slots-btn-generate = 🔄 Обновить слоты
slots-btn-doctors = « Все дежурные
slots-btn-back = « К расписанию
slots-generated = Слоты созданы на { $days } дн. вперёд. Новых: { $opened }.
slots-day-title = 🗓 { $day } ({ $zone }) · { $name }
slots-day-is-off = 🌴 Выходной.
slots-day-free = Свободно ({ $count }): { $times }
slots-day-free-none = Свободных слотов нет.
slots-day-booked-title = Записи ({ $count }):
slots-day-booked-line = { $time } — №{ $id } { $patient }, { $mode ->
        [video] видео
       *[audio] аудио
    }
slots-day-booked-none = Записей нет.
slots-btn-cancel-booking = ❌ { $time } { $patient }
slots-btn-make-off = 🌴 Сделать выходным
slots-btn-make-working = ↩️ Вернуть рабочий день
slots-off-pick = 🌴 Какой день сделать выходным? Время — { $zone }. В скобках — число записей на этот день; 🌴 — уже выходной (нажмите, чтобы вернуть рабочий день).
slots-off-btn-off = 🌴 { $day }
slots-off-btn-booked = { $day } ({ $booked })
slots-off-done = 🌴 { $day } — выходной. Убрано свободных слотов: { $removed }.
slots-off-undone = ↩️ { $day } — снова рабочий день. Открыто слотов: { $opened }.
slots-remove-pick = ➖ Какие часы убрать? Свободные слоты этих часов исчезнут, записи пациентов останутся.
slots-remove-none = Убирать нечего: часы приёма не заданы.
slots-removed = Убрано: { $line }.
slots-removed-booked = Записи на эти часы остаются. Отменить их можно здесь же, открыв день:
slots-booked-item = • { $day } { $time } — №{ $id } { $patient }
slots-tpl-days = ➕ Новые часы приёма. Выберите дни недели (можно несколько) и нажмите «Далее».
slots-tpl-day-on = ✅ { $day }
slots-btn-next = Далее ➡️
slots-btn-cancel = ✖️ Отмена
slots-btn-other-days = « Другие дни
slots-btn-other-hours = « Другие часы
slots-tpl-pick-day-first = Сначала выберите хотя бы один день.
slots-tpl-hours = Дни: { $days }. Напишите часы приёма через дефис, например 09:00-13:00 (время — { $zone }).
slots-tpl-hours-invalid = Не понял часы. Напишите начало и конец через дефис, например 09:00-13:00.
slots-tpl-hours-order = Конец приёма должен быть позже начала, например 09:00-13:00.
slots-tpl-length = { $days } { $from }–{ $to } ({ $zone }). Сколько минут на одного пациента?
slots-tpl-length-btn = { $minutes } мин
slots-tpl-added = ✅ Добавлено: { $line }. Открыто слотов: { $opened }.
slots-tpl-cancelled = Хорошо, часы приёма не добавлены.
slots-tpl-too-many-steps = Добавление прервано: слишком много шагов. Начните заново — /slots.
slots-cancel-one = ❌ Отменить консультацию №{ $id }: { $patient }, { $day } в { $time } ({ $zone })? Пациент получит сообщение с извинением и предложением записаться на другое время.
slots-cancel-day = 🌴 Сделать { $day } выходным? На этот день есть записи ({ $count }) — они будут отменены, каждый пациент получит сообщение с извинением и предложением записаться на другое время:
slots-ask-reason = Напишите причину для пациента (до { $max } символов) или нажмите «Без причины».
slots-btn-no-reason = Без причины
slots-btn-keep = « Не отменять
slots-reason-too-long = Причина слишком длинная: { $length } символов при максимуме { $max }. Сократите её и отправьте заново.
slots-reason-line = Причина для пациента: «{ $reason }»
slots-reason-none = Причина не указана.
slots-confirm-one = Подтвердите отмену консультации №{ $id }: { $patient }, { $day } в { $time } ({ $zone }).
slots-btn-cancel-close = ❌ Отменить, время закрыть
slots-btn-cancel-reopen = ❌ Отменить, время отдать другим
slots-confirm-day = Подтвердите: { $day } — выходной{ $count ->
        [0] ; записей на этот день больше нет.
       *[other] , записи ({ $count }) отменяются:
    }
slots-btn-confirm-day = { $count ->
        [0] 🌴 Да, выходной
       *[other] 🌴 Да, выходной и отменить записи ({ $count })
    }
slots-cancelled-one = ✅ Консультация №{ $id } отменена. { $reopened ->
        [yes] Время снова открыто для записи.
       *[no] Это время закрыто для записи.
    } { $notified ->
        [yes] Пациент получит сообщение в боте.
       *[no] Пациент не подключён к боту — сообщите ему сами.
    }
slots-day-off-cancelled = 🌴 { $day } — выходной. Отменено записей: { $cancelled } — пациенты получат сообщения. Убрано свободных слотов: { $removed }.
slots-booked-changed = Пока вы решали, записи на { $day } изменились — проверьте ещё раз.
slots-kept = Хорошо, ничего не отменено.
slots-flow-too-many-steps = Отмена прервана: слишком много шагов, ничего не отменено. Начните заново — /slots.
slots-err-not-duty-doctor = Это не дежурный врач: расписания дежурств у него нет.
slots-err-template-invalid = { $field ->
        [slotMinutes] Слот такой длины не помещается в эти часы. Выберите длительность короче или задайте другие часы.
        [weekday] Выберите хотя бы один день недели.
       *[other] Часы заданы неверно: нужно начало и конец в пределах суток, например 09:00-13:00.
    }
slots-err-template-overlaps = Эти часы пересекаются с уже заданными в один из выбранных дней. Напишите другие часы.
slots-err-template-not-found = Этих часов уже нет в расписании.
slots-err-date-invalid = Такой даты нет.
slots-err-consultation-not-found = Консультация не найдена — возможно, её уже отменили.
slots-err-consultation-not-open = Консультация уже не открыта: она проведена, отменена или отмечена неявка.
slots-err-consultation-started = Консультация уже началась — отменить её нельзя.
slots-note-booked =
    📅 <b>Новая запись на дежурство: консультация №{ $id }.</b>
    Пациент: { $patient }
    Время: { $date }, { $time } ({ $zone })
    Формат: { $mode ->
        [video] видео
       *[audio] аудио
    }
    Карточка: /consultation { $id }
