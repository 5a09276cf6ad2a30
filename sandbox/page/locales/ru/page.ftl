## the sandbox page (sandbox/page/html.ts, label.ts): Russian is shown, English beside it where a person may need it

banner-title = ПЕСОЧНИЦА · SANDBOX
banner = Это не Telegram: локальный эмулятор Bot API и демо-данные. Настоящим пациентам не подходит.
page-title = Песочница · Облако здоровья (SANDBOX)
pane-patient = Чат пациента с ботом пациента
pane-miniapp = Mini App
pane-tools = Время и SMS песочницы
pane-staff = Чат врача с ботом врачей
footer = Ссылки вида { $url } ведут сюда же; видеозвонки ({ $jitsi }) — на страницу-заглушку.
# The line on every other page the sandbox's server shows (a /verify page, the Mini App outside its frame).
label = не Telegram, демо-данные

## the room page, where a video call would open

room-title = Видеокомната (SANDBOX)
room-heading = Здесь открылась бы видеоконсультация
room-real = В работающем сервисе ссылка ведёт на Jitsi: { $link }, с личным токеном участника.
room-name = Комната: { $room }
room-back = Назад в песочницу
