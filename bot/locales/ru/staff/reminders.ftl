## reminders (staff)

rem-doctor-soon =
    ⏰ Через { $minutes } мин — консультация №{ $id }: { $patient }, { $time } ({ $zone }), { $mode ->
        [video] видео
       *[audio] аудио
    }.
    Кнопка ниже даст ссылку в комнату: вы в ней модератор и впускаете пациента из зала ожидания.
rem-digest-greeting = ☀️ Доброе утро! Консультаций на сегодня: { $count }.
rem-digest-more = …и ещё { $count }: весь список — /today
rem-sla-doctor = ⏰ Заявку №{ $id } никто не взял уже { $hours } ч. Пациенту обещан ответ за 1–3 дня.
rem-sla-manager =
    ⚠️ Заявка №{ $id } в { $center } ждёт врача уже { $hours } ч: её никто не взял.
    Подана: { $submitted }
    Врачей центра в боте: { $doctors }. Им отправлено напоминание.
rem-no-show-offer =
    { $patient } { $patientGender ->
        [female] так и не вошла
       *[other] так и не вошёл
    } в звонок консультации №{ $id } ({ $time }, { $zone }).
    Если { $patientGender ->
        [female] она не придёт
       *[other] пациент не придёт
    }, отметьте неявку — пациент получит об этом сообщение.
rem-btn-no-show = 🚫 Отметить неявку
