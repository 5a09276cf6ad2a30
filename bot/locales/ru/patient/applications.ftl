## applications

menu-applications = 🗂 Мои заявки
cmd-applications = Мои заявки и их статус
apps-none = Заявок пока нет. Подать заявку в центр — кнопка «📝 Заявка в центр».
apps-header = 🗂 <b>Ваши заявки:</b>
apps-header-recent = 🗂 <b>Ваши заявки (последние { $shown } из { $total }):</b>
apps-entry =
    <b>№ { $id } · { $center }</b>
    Пациент: { $name }
    Заболевание: { $condition }
    Подана: { $date }
    Статус: { $status ->
        [submitted] 📨 отправлена, ждёт врача
        [in_review] 🩺 врач изучает заявку
        [needs_documents] 📎 врач просит ещё документы
        [scheduled] 📅 назначена консультация
        [declined] не принята
        [withdrawn] отозвана
        [completed] консультация проведена
       *[other] { $status }
    }
apps-entry-needs = Нужно загрузить: { $kinds }
apps-entry-when = Консультация: { $when } { $zoneAt }
apps-btn-withdraw = ↩️ Отозвать № { $id }
apps-btn-docs = 📎 Документы для № { $id }
apps-btn-cancel-consultation = ✖️ Отменить консультацию по № { $id }
apps-btn-upload = 📎 Загрузить: { $kind }
apps-not-found = Заявка не найдена.
apps-withdraw-ask = Отозвать заявку № { $id } в { $center } (пациент { $name })? Врач перестанет её рассматривать. Подать новую можно в любой момент.
apps-withdraw-kept = Хорошо, заявка № { $id } остаётся в работе.
apps-withdrawn = Заявка № { $id } в { $center } отозвана.
apps-withdraw-refused = Заявку № { $id } отозвать уже нельзя: { $status ->
    [scheduled] на неё назначена консультация. Если не сможете прийти, отмените консультацию — кнопкой в сообщении о записи или в «🗂 Мои заявки».
    [declined] она уже закрыта.
    [withdrawn] она уже отозвана.
   *[other] она уже закрыта.
}
apps-docs-prompt = Для заявки № { $id } врач просит: { $kinds }. Что загружаете?
apps-docs-still = Для заявки № { $id } врач просил: { $kinds }. Когда всё будет загружено, заявка сама вернётся к врачу. Загрузить ещё:
apps-docs-not-needed = Эти документы больше не нужны: заявка сейчас не ждёт документов.
app-docs-back-to-doctor = 📨 Документы переданы врачу: заявка № { $id } снова на рассмотрении.
consult-btn-cancel = ✖️ Отменить консультацию
consult-cancel-ask = Отменить консультацию { $nameGen } — { $when } { $zoneAt }?
consult-kept = Хорошо, консультация остаётся в силе.
consult-cancelled = Консультация отменена: { $when } { $zoneAt }. Врач предупреждён. Заявка остаётся у врача — о дальнейшем мы сообщим здесь.
consult-not-found = Консультация не найдена.
consult-not-open = Эту консультацию уже нельзя отменить: { $status ->
    [cancelled] она уже отменена.
   *[other] она уже прошла.
}
consult-cancel-too-late = Отменить консультацию у дежурного врача можно не позже чем за { $minutes } мин до начала, а это время уже прошло. Если подключиться не получится, врач отметит это сам.
consult-started = Консультация уже началась — отменить её нельзя.
