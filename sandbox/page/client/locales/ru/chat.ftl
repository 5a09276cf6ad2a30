## the sandbox page's script (sandbox/page/client): the chats and the Mini App frame. Russian is shown, English beside the titles and the idle Mini App
# Variables ({ $bot }, { $n }) are sent to the browser as {bot}, {n} and filled by client/texts.ts.

patient-title = Пациент · бот пациента
staff-title = Врач · бот врачей
miniapp-title = Mini App
miniapp-banner = SANDBOX · Mini App · демо
miniapp-idle = Mini App откроется здесь: синяя кнопка меню слева от поля ввода в чате пациента или кнопка в сообщении бота.
close = Закрыть
back = Назад
placeholder = Сообщение
send = Отправить
attach = Прикрепить файл
as-photo = фото сжатием
commands = Команды
share-contact-confirm = Поделиться номером телефона с ботом @{ $bot }?
typing = печатает…
uploading = отправляет файл…
who-doctor = Врач центра
who-duty = Дежурный врач
staff-as = Аккаунт:
edited = изменено
forwarded = Пересланное сообщение
contact = Контакт
empty = Пока нет сообщений. Нажмите «Начать» или напишите /start.
start = Начать
failed = Не отправлено
unsupported = В песочнице эта кнопка не работает
ok = OK
you = Вы
block = Заблокировать бота
unblock = Разблокировать
blocked-notice = Вы заблокировали бота: он не может вам писать (его сообщения получают ошибку 403).
reply = Ответить
reply-to = Ответ на
cancel = Отмена
size-mb = { $n } МБ
size-kb = { $n } КБ
