## the stand-in of Jitsi's External API inside the room page: plays the call's events from buttons

standin-title = Звонок-заглушка (SANDBOX): Jitsi не подключён
standin-explain = Кнопки ниже посылают странице комнаты те же события, что прислал бы настоящий Jitsi.
standin-settings = Настройки звонка от страницы
standin-join = Я вошёл в звонок
standin-other-join = Собеседник вошёл
standin-other-leave = Собеседник вышел
standin-quality = Связь ослабла
standin-hangup = Положить трубку
standin-audio-only = Режим «только звук» включён
