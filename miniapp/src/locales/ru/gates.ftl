## gates: opened outside Telegram, without init data, or by someone the bot has not registered

outside-title = Откройте приложение в Telegram
outside-text = Это приложение работает только внутри Telegram. Откройте бота «Облако здоровья» и нажмите кнопку «Личный кабинет» слева от поля ввода.
open-bot = Открыть бота
no-init-data-title = Откройте приложение кнопкой в чате
no-init-data-text = Telegram не сообщил приложению, кто вы. Закройте его и откройте кнопкой «Личный кабинет» слева от поля ввода в чате с ботом «Облако здоровья».
not-registered-title = Сначала зарегистрируйтесь
not-registered-text = Чтобы записаться на консультацию, зарегистрируйтесь в боте — это займёт несколько минут. Потом откройте приложение снова.
go-to-bot = Перейти в бот
