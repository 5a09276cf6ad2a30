## the page's tools under the chats (client/tools.ts): the sandbox's clock and the SMS the service sent

who-manager = Менеджер
who-admin = Администратор
clock-title = Время песочницы
clock-ahead = впереди реального на { $n }
clock-real = реальное время
clock-15m = +15 мин
clock-1h = +1 ч
clock-1d = +1 день
clock-next = К ближайшей консультации
clock-next-none = Ни одной консультации впереди
clock-hint = Время идёт только вперёд; напоминания, сроки и «консультация началась» следуют ему.
sms-title = SMS
sms-hint = Что ушло бы на телефон: в песочнице SMS никуда не отправляются.
sms-empty = Пока ни одного SMS. Они приходят пациентам из таблицы направлений.
sms-to = Кому: { $n }
