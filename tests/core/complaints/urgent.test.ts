import { describe, expect, it } from 'vitest';
import { soundsUrgent } from '../../../core/complaints/urgent.js';

describe('soundsUrgent', () => {
  it.each([
    'у меня болит сердце, что делать?',
    'Боль в груди уже час',
    'сильно давит в груди',
    'Одышка при ходьбе, задыхаюсь',
    'у мамы кровотечение',
    'Папа потерял сознание',
    'упала в обморок утром',
    'кажется, инфаркт',
    'ЖЖЁТ В ГРУДИ',
    'I have chest pain',
    "my mother can't breathe",
    'he passed out',
  ])('hears an emergency in «%s»', (text) => {
    expect(soundsUrgent(text)).toBe(true);
  });

  it.each([
    'когда моя консультация?',
    'Здравствуйте, хочу записаться к кардиологу',
    'загрузила выписку',
    'спасибо, доктор',
    'What time is my appointment?',
    'сердечно благодарю',
  ])('leaves an ordinary message alone: «%s»', (text) => {
    expect(soundsUrgent(text)).toBe(false);
  });
});
