## commands

cmd-start = Начать / главное меню
cmd-profile = Профили пациентов
cmd-documents = Медицинские документы
cmd-language = Язык / Language
cmd-help = Помощь
cmd-cancel = Отменить текущее действие
cmd-delete_me = Удалить мои данные
