## profile

profile-list-header = Профили пациентов на этом аккаунте:
profile-card =
    👤 { $name } ({ $relation })
    Дата рождения: { $birth } ({ $age } { $age ->
        [one] год
        [few] года
       *[other] лет
    })
    Телефон: { $phone }
    Регион: { $region }
    Часовой пояс: { $zone }
    Документов: { $documents }
profile-btn-edit-name = ✏️ ФИО
profile-btn-edit-birth = ✏️ Дата рождения
profile-btn-edit-phone = ✏️ Телефон
profile-btn-edit-region = ✏️ Регион
profile-updated = Сохранено.
profile-not-found = Этот профиль не найден — возможно, он удалён.
profile-none = Профилей пока нет. Нажмите «➕ Добавить пациента».
pick-profile = Для кого? Выберите пациента:
