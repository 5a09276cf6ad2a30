## gates: opened outside Telegram, without init data, or by someone the bot has not registered

outside-title = Open the app in Telegram
outside-text = This app works only inside Telegram. Open the Oblako Zdorovya bot and tap the “My account” button left of the message field.
outside-sandbox = This is the sandbox: open its page, where the app opens from the patient’s chat as in Telegram.
open-sandbox = Open the sandbox
open-bot = Open the bot
no-init-data-title = Open the app with the button in the chat
no-init-data-text = Telegram did not tell the app who you are. Close it and open it with the “My account” button left of the message field in the Oblako Zdorovya bot’s chat.
not-registered-title = Please register first
not-registered-text = To book a consultation, register in the bot — it takes a few minutes. Then open the app again.
go-to-bot = Go to the bot
