## staff

cmd-queue = Заявки центра в очереди
cmd-today = Мои консультации сегодня
cmd-week = Мои консультации на неделю
cmd-consultation = Консультация по номеру: /consultation 12
cmd-join = Ссылка на видеокомнату: /join 12
cmd-conclude = Написать заключение: /conclude 12
cmd-noshow = Пациент не пришёл: /noshow 12
staff-only = Этот бот — для сотрудников «Облака здоровья».
staff-unknown-action = Это действие больше недоступно.
staff-welcome = Добро пожаловать, { $name }! Ваша роль: { $role }. Новые заявки будут приходить сюда. Команды — /help.
staff-already-joined = Вы уже подключены, { $name }.
staff-role-doctor = врач центра
staff-role-duty_doctor = дежурный врач
staff-role-manager = менеджер
staff-role-admin = администратор
invite-invalid = Приглашение не найдено. Попросите администратора выдать новое.
invite-used = Это приглашение уже использовано. Попросите администратора выдать новое.
invite-expired = Срок приглашения истёк. Попросите администратора выдать новое.
staff-name-invalid = Имя сотрудника — от 2 до 120 символов.
unknown-center = Такого центра нет в каталоге: { $center }.
center-required = Для врача центра нужно указать центр.
already-staff = Этот аккаунт Telegram уже подключён как сотрудник.
staff-help =
    <b>Команды</b>
    /queue — очередь заявок центра и мои в работе
    /schedule N — назначить консультацию
    /today, /week — мои консультации
    /consultation N — карточка консультации
    /join N — видеокомната
    /conclude N — заключение
    /noshow N — отметить неявку
    /slots — дежурства, выходные, записи
    /stats — статистика (менеджерам, врачам центров)
    /delivery — доставка сообщений (менеджерам)
