## referral table rows: what to fix, one sentence each (the «Ошибка» column of the error workbook)

refrow-name-empty = Не указано ФИО
refrow-name-digits = В ФИО есть цифры: { $value }
refrow-name-symbols = В ФИО есть лишние знаки: { $value } — только буквы, дефис и апостроф
refrow-name-too-short = ФИО неполное: { $value } — нужны хотя бы фамилия и имя
refrow-name-too-long = ФИО длиннее 150 знаков
refrow-birth-date-missing = Не указана дата рождения
refrow-birth-date-format = Дата рождения не распознана: { $value } — пишите как 05.03.1961
refrow-birth-date-short-year = В дате рождения год из двух цифр: { $value } — нужен год полностью, как 05.03.1961
refrow-birth-date-impossible = Такой даты не бывает: { $value }
refrow-birth-date-future = Дата рождения ещё не наступила: { $value }
refrow-birth-date-too-old = Дата рождения слишком давняя: { $value }
refrow-phone-missing = Не указан телефон
refrow-phone-not-mobile = Телефон { $value } не мобильный — SMS-приглашение на него не придёт
refrow-phone-invalid = Телефон не распознан: { $value } — нужен мобильный номер, например 8 912 345-67-89
refrow-too-long = { $column }: длиннее { $max } знаков — сократите
refrow-formula = { $column }: значение { $value } начинается как формула Excel (со знака =, +, -, @ или с табуляции) — уберите этот знак в начале ячейки
refrow-icd10-invalid = Код МКБ-10 не распознан: { $value } — пишите как I25.1 или N80.0
refrow-center-ambiguous = Центр указан неоднозначно: "{ $value }" — подходят { $options }; оставьте один
refrow-center-unknown = Центр не найден: "{ $value }" — укажите { $options }
refrow-center-missing = Не указан центр
refrow-condition-missing = Не указано заболевание
refrow-condition-ambiguous = Заболевание указано неоднозначно: "{ $value }" — подходят { $options }; напишите полностью
refrow-condition-elsewhere = Заболевание "{ $value }" относится к центру «{ $other }», а указан «{ $center }» — исправьте центр или заболевание
refrow-condition-unknown = Заболевание не найдено: "{ $value }" — у центра «{ $center }» есть: { $options }
refrow-condition-unknown-no-center = Заболевание не найдено: "{ $value }"; центр не указан — укажите центр и заболевание из его списка
