## documents

docs-summary = Documents of { $name }: { $count }.
docs-btn-add = ➕ Upload
docs-btn-list = 📋 List
docs-kind-ask = Which document are you uploading?
docs-send-prompt =
    Send photos or PDF files: "{ $kind }". Several at once (an album) and forwarded messages work too.
    When you are done, press "✅ Done".
docs-btn-done = ✅ Done
docs-saved = ✅ Saved: { $kind }{ $pages ->
    [1] {""}
   *[other] , { $pages } pages
}.
docs-album-progress = ✅ Saved from the album: { $count }
docs-duplicate = This file was already uploaded on { $date } ("{ $kind }"), so it was not saved again.
docs-file-too-big = The file is over 20 MB — Telegram does not let a bot download it. Split the PDF into parts or photograph the pages and send the photos.
docs-unsupported-type = This file is not accepted: by its content it is { $detected ->
    [exe] a Windows program (.exe), not a document
    [unknown] of an unknown format
   *[other] a .{ $detected } file
}. We accept photos (JPEG, PNG, WebP) and PDFs.
docs-heic = This is a HEIC photo (iPhone), which we cannot open. Please send it as a photo (not as a file) — Telegram will convert it to JPEG.
docs-image-too-large = The image is too large (over 100 megapixels) for us to process. Please photograph the document with an ordinary phone camera.
docs-image-broken = The image could not be opened — the file is damaged. Try sending it again or photograph the document.
docs-pdf-encrypted = The PDF is password-protected, so we cannot open it. Remove the protection or photograph the pages.
docs-pdf-broken = The PDF is damaged and does not open. Try saving it again or photograph the pages.
docs-empty-file = The file is empty.
docs-busy = Too many files are being uploaded right now. Please send this file again in a minute.
docs-unknown-kind = There is no such document kind in the list. Please choose the kind with a button.
docs-download-failed = I couldn't get the file from Telegram. Please send it again.
docs-not-a-file = I'm waiting for photos or PDF files. When you are done, press "✅ Done".
docs-done-summary = { $saved ->
    [0] No new documents were added.
    [one] 1 document saved.
   *[other] { $saved } documents saved.
} { $name } has { $total } in total.
docs-list-header = Documents of { $name } (page { $page } of { $pages }):
# One line per file, so two documents of one kind can be told apart: kind · name (or what it is) · pages · day.
docs-list-line = { $n }. { $kind } · { $file } · { $date }
docs-list-line-pages = { $n }. { $kind } · { $file } · { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
} · { $date }
docs-list-photo = photo
docs-list-pdf = PDF file
docs-list-empty = { $name } has no documents yet.
docs-btn-send = 📥 { $n }
docs-btn-delete = 🗑 { $n }
docs-btn-prev = ‹ Back
docs-btn-next = Next ›
docs-delete-confirm = Delete "{ $kind }" of { $date }?
docs-deleted = The document was deleted.
docs-not-found = The document was not found — perhaps it was already deleted.
docs-which-kind = Got the file. What kind of document is it?
docs-pending-kept = Files waiting for a choice: { $count }.
docs-kind-other = Other
