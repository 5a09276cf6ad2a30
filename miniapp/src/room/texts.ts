import { createTranslate, type Translate } from '../lib/fluent';
import ru from '../locales/ru/room.ftl?raw';
import en from '../locales/en/room.ftl?raw';

/** The room page's own texts only (locales/<code>/room.ftl): the page stays small on a rural link. */
export const roomTexts = (locale: 'ru' | 'en'): Translate => createTranslate(locale, [locale === 'en' ? en : ru]);

/** The page's language before the server names it: the browser's. */
export const browserLocale = (): 'ru' | 'en' => (navigator.language.toLowerCase().startsWith('en') ? 'en' : 'ru');
