## menu

menu-documents = 📄 Документы
menu-profiles = 👤 Профили
menu-add-patient = ➕ Добавить пациента
menu-help = ❓ Помощь
menu-button-app = Личный кабинет
menu-shown = Главное меню. Выберите действие кнопкой ниже.
