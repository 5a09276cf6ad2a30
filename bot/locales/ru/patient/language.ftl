## language

lang-btn-ru = Русский
lang-btn-en = English
language-ask = Выберите язык / Choose your language:
language-set = Язык: русский.
