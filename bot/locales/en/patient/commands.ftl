## commands

cmd-start = Start / main menu
cmd-profile = Patient profiles
cmd-documents = Medical documents
cmd-language = Language / Язык
cmd-help = Help
cmd-cancel = Cancel the current action
cmd-delete_me = Delete my data
