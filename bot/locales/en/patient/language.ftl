## language

lang-btn-ru = Русский
lang-btn-en = English
language-ask = Choose your language / Выберите язык:
language-set = Language: English.
