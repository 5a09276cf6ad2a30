## common

error-generic = Sorry, something went wrong on our side. Please try again in a minute; if it still fails, send /cancel and start again.
cancelled = OK, cancelled. Nothing from the unfinished step was saved; what was saved before is still there.
nothing-to-cancel = There is nothing to cancel right now.
press-button = Please choose an option with the buttons under the message.
button-stale = This button is out of date. Open what you need from the menu or send /start.
expect-text = Please type your answer as text.
unhandled = I didn't understand that. Choose an action from the menu below or send /help.
need-registration = First you need to give consent and register — send /start.
flow-interrupted = The previous action was interrupted.
btn-back = « Back
btn-yes = Yes
btn-no = No
