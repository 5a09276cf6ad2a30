## staff-triage

triage-card-new = 🆕 <b>Новая заявка №{ $id }</b>
triage-card-documents-added = 📥 <b>Пациент загрузил запрошенные документы — заявка №{ $id }</b>
triage-card-title = <b>Заявка №{ $id }</b>
triage-card-body =
    Пациент: { $name }, { $age } { $age ->
        [one] год
        [few] года
       *[other] лет
    }
    Заболевание: { $condition }
    Диагноз: { $diagnosis }
    Жалобы: { $complaints }
    Документов: { $documents }
    Подана: { $submitted }
triage-card-gone = Заявка №{ $id } больше недоступна.
triage-state-waiting = ⏳ Ждёт врача.
triage-state-mine = 👩‍⚕️ В работе у вас.
triage-state-with = В работе у врача: { $name }.
triage-state-docs-requested = 📄 Запрошены документы: { $kinds }.
triage-state-docs-comment = Комментарий: { $comment }
triage-state-docs-added = 📥 Запрошенные документы загружены — заявка ждёт вашего решения.
triage-state-scheduled = 📅 Консультация назначена.
triage-state-declined = ❌ Отклонена. Причина: { $reason }
triage-state-withdrawn = ↩️ Пациент отозвал заявку.
triage-state-completed = ✅ Консультация проведена.
triage-taken-by = Заявку №{ $id } ({ $condition }) { $nameGender ->
    [female] взяла
    [male] взял
   *[other] взял(а)
} в работу { $name }.
triage-withdrawn = ↩️ { $name } { $nameGender ->
    [female] отозвала
    [male] отозвал
   *[other] отозвал(а)
} заявку №{ $id } ({ $condition }).
triage-btn-documents = 📎 Документы
triage-btn-take = ✋ Взять
triage-btn-request = 📄 Запросить документы
triage-btn-decline = ❌ Отклонить
triage-btn-open = Открыть №{ $id }
triage-btn-next = Далее ›
triage-btn-cancel = Отмена
triage-btn-no-comment = Без комментария
triage-taken = Заявка №{ $id } теперь у вас. Пациенту сообщили, что её рассматривают.
triage-already-taken = Эту заявку уже { $nameGender ->
    [female] взяла
    [male] взял
   *[other] взял(а)
} в работу { $name }.
triage-not-found = Заявка не найдена.
triage-not-yours = Эта заявка в работе у другого врача.
triage-changed = Заявка только что изменилась, действие уже недоступно.
triage-closed = По этой заявке документы больше недоступны.
triage-docs-header = Документы по заявке №{ $id }: { $count }.
triage-docs-none = У пациента по заявке №{ $id } нет загруженных документов.
triage-doc-caption = { $kind } · { $date }{ $pages ->
    [1] {""}
   *[other] , { $pages } стр.
}
triage-request-pick = Какие документы запросить по заявке №{ $id }? Отметьте нужные и нажмите «Далее ›».
triage-request-none-picked = Отметьте хотя бы один документ.
triage-request-picked = Заявка №{ $id }, запрашиваем: { $kinds }.
triage-request-comment-ask = Комментарий для пациента: что именно нужно (например, «ЭКГ не старше месяца»)? Напишите его или нажмите «Без комментария».
triage-comment-too-long = Комментарий слишком длинный: { $length } символов, можно не больше { $max }. Сократите, пожалуйста.
triage-request-sent = Запрос по заявке №{ $id } отправлен пациенту: { $kinds }. Когда документы будут загружены, придёт уведомление.
triage-cancelled = Хорошо, отменили. Пациенту ничего не отправлено.
triage-expect-text = Пожалуйста, напишите ответ текстом или нажмите кнопку под вопросом.
triage-flow-left = Начатое действие по заявке прервано, пациенту ничего не отправлено.
triage-gave-up = Давайте начнём заново: нажмите нужную кнопку на карточке заявки.
triage-decline-ask = Причина отказа по заявке №{ $id }? Её увидит пациент.
triage-btn-reason-profile = Не профиль центра
triage-btn-reason-remote = Мало данных — очный приём
triage-btn-reason-emergency = Нужна экстренная помощь (103)
triage-btn-reason-duplicate = Повторная заявка
triage-btn-reason-other = ✏️ Другая причина (написать)
triage-reason-profile = Заболевание не относится к профилю центра. Ваш лечащий врач подскажет, куда лучше обратиться.
triage-reason-remote = Для дистанционной консультации недостаточно данных. Рекомендуем очный приём у врача по месту жительства.
triage-reason-emergency = Ваше состояние требует экстренной помощи прямо сейчас: звоните 103 (с мобильного — 112).
triage-reason-duplicate = Это повторная заявка: такая же уже рассматривается.
triage-decline-type = Напишите причину отказа по заявке №{ $id } одним сообщением, до { $max } символов. Пациент увидит её так, как вы напишете.
triage-reason-empty = Причина не может быть пустой. Напишите её, пожалуйста.
triage-reason-too-long = Причина слишком длинная: { $length } символов, можно не больше { $max }. Сократите, пожалуйста.
triage-declined = Заявка №{ $id } отклонена, пациент уведомлён. Причина: { $reason }
triage-queue-header = Очередь центра: { $count }, сначала давние.
triage-queue-empty = В очереди центра нет заявок.
triage-queue-line = { $old ->
    [yes] ⚠️{" "}
   *[no] {""}
}№{ $id } · { $name }, { $age } { $age ->
    [one] г.
    [few] г.
   *[other] л.
} · { $condition } · { $days ->
    [0] сегодня
   *[other] { $days } дн.
}
triage-queue-more = …и ещё { $count }.
triage-mine-header = У вас в работе: { $count }.
triage-mine-line = №{ $id } · { $name } · { $condition } · { $state }
triage-short-in-review = на рассмотрении
triage-short-waiting-documents = ждём документы от пациента
triage-short-documents-added = документы загружены
triage-queue-not-doctor = Очередь заявок — для врачей центров.

## referral in the staff bot

triage-card-referral = 📨 По направлению: { $by }
