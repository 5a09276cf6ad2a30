## documents

docs-summary = Документы { $nameGen }: { $count }.
docs-btn-add = ➕ Загрузить
docs-btn-list = 📋 Список
docs-kind-ask = Какой документ загружаем?
docs-send-prompt =
    Отправьте фото или PDF-файлы: «{ $kind }». Можно несколько сразу (альбомом) и пересланные сообщения.
    Когда закончите, нажмите «✅ Готово».
docs-btn-done = ✅ Готово
docs-saved = ✅ Сохранено: { $kind }{ $pages ->
    [1] {""}
   *[other] , страниц: { $pages }
}.
docs-album-progress = ✅ Сохранено из альбома: { $count }
docs-duplicate = Этот файл уже загружен { $date } («{ $kind }»), второй раз сохранять не стали.
docs-file-too-big = Файл больше 20 МБ — Telegram не даёт боту скачать такой. Разделите PDF на части или сфотографируйте страницы и отправьте фото.
docs-unsupported-type = Этот файл не подходит: по содержимому это { $detected ->
    [exe] программа Windows (.exe), а не документ
    [unknown] неизвестный формат
   *[other] файл формата .{ $detected }
}. Принимаем фото (JPEG, PNG, WebP) и PDF.
docs-heic = Это фото в формате HEIC (iPhone), его мы открыть не можем. Отправьте его, пожалуйста, как фото (не как файл) — Telegram сам переведёт его в JPEG.
docs-image-too-large = Изображение слишком большое (больше 100 мегапикселей) — такое мы не обрабатываем. Сфотографируйте документ обычной камерой телефона.
docs-image-broken = Не получилось открыть изображение — файл повреждён. Попробуйте отправить его ещё раз или сфотографировать документ.
docs-pdf-encrypted = PDF защищён паролем, мы не можем его открыть. Снимите защиту или сфотографируйте страницы.
docs-pdf-broken = PDF повреждён и не открывается. Попробуйте сохранить его заново или сфотографировать страницы.
docs-empty-file = Файл пустой.
docs-busy = Сейчас загружается очень много файлов. Отправьте этот файл ещё раз через минуту, пожалуйста.
docs-unknown-kind = Такого вида документа нет в списке. Выберите вид кнопкой, пожалуйста.
docs-download-failed = Не получилось получить файл из Telegram. Отправьте его, пожалуйста, ещё раз.
docs-not-a-file = Сейчас жду фото или PDF-файл. Когда закончите — нажмите «✅ Готово».
docs-done-summary = { $saved ->
    [0] Новых документов не добавлено.
   *[other] Сохранено документов: { $saved }.
} Всего документов у { $nameGen }: { $total }.
docs-list-header = Документы { $nameGen } (стр. { $page } из { $pages }):
# One line per file, so two documents of one kind can be told apart: kind · name (or what it is) · pages · day.
docs-list-line = { $n }. { $kind } · { $file } · { $date }
docs-list-line-pages = { $n }. { $kind } · { $file } · { $pages ->
    [one] { $pages } страница
    [few] { $pages } страницы
   *[other] { $pages } страниц
} · { $date }
docs-list-photo = фото
docs-list-pdf = PDF-файл
docs-list-empty = У { $nameGen } пока нет документов.
docs-btn-send = 📥 { $n }
docs-btn-delete = 🗑 { $n }
docs-btn-prev = ‹ Назад
docs-btn-next = Далее ›
docs-delete-confirm = Удалить «{ $kind }» от { $date }?
docs-deleted = Документ удалён.
docs-not-found = Документ не найден — возможно, он уже удалён.
docs-which-kind = Принял файл. Что это за документ?
docs-pending-kept = Файлов ждёт выбора: { $count }.
docs-kind-other = Другое
