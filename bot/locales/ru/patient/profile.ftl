## profile

profile-list-header = <b>Профили пациентов на этом аккаунте:</b>
profile-card =
    👤 <b>{ $name } ({ $relation })</b>
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
profile-btn-delete = 🗑 Удалить профиль
profile-btn-delete-confirm = 🗑 Да, удалить
profile-btn-delete-keep = Нет, оставить
profile-delete-ask = Удалить профиль «{ $name }» из вашего списка? Его документы и история консультаций сохранятся в архиве сервиса, но в боте вы их больше не увидите.
profile-delete-kept = Хорошо, профиль остаётся.
profile-deleted = Профиль удалён.
profile-self-delete = Ваш собственный профиль удалить отдельно нельзя. Чтобы удалить все данные, отправьте /delete_me.
profile-has-open-care = Сейчас удалить нельзя: у этого пациента есть запись к врачу или заявка на рассмотрении. Сначала отмените запись или дождитесь ответа врача.
profile-updated = Сохранено.
profile-not-found = Этот профиль не найден — возможно, он удалён.
profile-none = Профилей пока нет. Нажмите «➕ Добавить пациента».
pick-profile = Для кого? Выберите пациента:
