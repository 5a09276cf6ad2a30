## delivery (staff bot /delivery; the consultation and triage cards)

cmd-delivery = Доставка сообщений пациентам и врачам
delivery-not-allowed = Сведения о доставке доступны менеджерам и администраторам.
delivery-title = 📬 Доставка сообщений
delivery-pending = В очереди: { $count }{ $count ->
    [0] {""}
   *[other] , самое давнее ждёт { $minutes } мин
}
delivery-in-doubt = Прервано при отправке (будет отправлено снова): { $count }
delivery-failed-day = Не доставлено за сутки: { $count }
delivery-resent-day = Отправлено повторно после сбоя за сутки (возможен дубль): { $count }
delivery-unreachable = Пациентов, заблокировавших бота: { $count }
delivery-failed-title = Не доставлено, последние { $shown }:
delivery-failed-line = • { $date } { $time } · { $bot ->
    [staff] бот врачей
   *[other] бот пациентов
} · { $template } · чат { $chat } — { $reason }
delivery-reason-blocked = бот заблокирован
delivery-reason-expired = устарело до отправки
delivery-reason-gave-up = не удалось отправить за отведённое время
delivery-reason-render = ошибка при подготовке сообщения
delivery-reason-no-recipient = получатель больше не может его получить (например, врач отключён)
delivery-reason-refused = Telegram отказал: { $error }
delivery-unreachable-title = Заблокировали бота (первые { $shown }):
delivery-unreachable-line = • чат { $chat } · { $phone ->
    [yes] важные уведомления уходят по SMS
   *[other] телефона нет — SMS не отправить
}
delivery-all-well = ✅ Всё доставлено.
delivery-card-unreachable = ⚠️ Пациент заблокировал бота: сообщения до него не доходят, важные уведомления уходят по SMS, если известен телефон.
