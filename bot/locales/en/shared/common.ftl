## common

error-generic = Sorry, something went wrong on our side. Please try again in a minute; if it still fails, send /cancel and start again.
cancelled = OK, cancelled. Nothing from the unfinished step was saved; what was saved before is still there.
nothing-to-cancel = There is nothing to cancel right now.
press-button = Please choose an option with the buttons under the message.
button-stale = This button is out of date. Open what you need from the menu or send /start.
expect-text = Please type your answer as text.
unhandled = I didn't understand that. Choose an action from the menu below or send /help.
urgent-advice =
    ⚠️ If there is severe chest pain right now, difficulty breathing, bleeding, or someone is losing consciousness, call 103 or 112 at once. Do not wait for an answer in this chat: the bot cannot call an ambulance.

    If it is not urgent, a doctor can see you online: book the duty doctor (the “My account” button left of the message field) or apply to a center.
need-registration = First you need to give consent and register — send /start.
flow-interrupted = The previous action was interrupted.
btn-back = « Back
btn-yes = Yes
btn-no = No
