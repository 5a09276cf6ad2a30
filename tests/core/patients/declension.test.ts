import { describe, expect, it } from 'vitest';
import { declineFullName, nameGender, shortName } from '../../../core/patients/declension.js';

describe('declineFullName: the cases Russian texts need', () => {
  it.each([
    // female, male: the common case
    ['Смирнова Ольга Викторовна', 'Смирновой Ольги Викторовны', 'Смирновой Ольге Викторовне', 'female'],
    ['Иванов Пётр Сергеевич', 'Иванова Петра Сергеевича', 'Иванову Петру Сергеевичу', 'male'],
    ['Толстая Татьяна Никитична', 'Толстой Татьяны Никитичны', 'Толстой Татьяне Никитичне', 'female'],
    // double surnames decline in both halves
    ['Петрова-Водкина Анна Ивановна', 'Петровой-Водкиной Анны Ивановны', 'Петровой-Водкиной Анне Ивановне', 'female'],
    ['Петров-Водкин Кузьма Сергеевич', 'Петрова-Водкина Кузьмы Сергеевича', 'Петрову-Водкину Кузьме Сергеевичу', 'male'],
    // surnames that do not decline, whatever the gender
    ['Дюма Александр Иванович', 'Дюма Александра Ивановича', 'Дюма Александру Ивановичу', 'male'],
    ['Шевченко Тарас Григорьевич', 'Шевченко Тараса Григорьевича', 'Шевченко Тарасу Григорьевичу', 'male'],
    ['Шевченко Мария Ивановна', 'Шевченко Марии Ивановны', 'Шевченко Марии Ивановне', 'female'],
    ['Черных Елена Петровна', 'Черных Елены Петровны', 'Черных Елене Петровне', 'female'],
    ['Черных Илья Петрович', 'Черных Ильи Петровича', 'Черных Илье Петровичу', 'male'],
    // Ким declines for a man and not for a woman
    ['Ким Виктор Андреевич', 'Кима Виктора Андреевича', 'Киму Виктору Андреевичу', 'male'],
    ['Ким Елена Андреевна', 'Ким Елены Андреевны', 'Ким Елене Андреевне', 'female'],
    // a surname like a masculine noun
    ['Лебедь Александр Иванович', 'Лебедя Александра Ивановича', 'Лебедю Александру Ивановичу', 'male'],
    // no patronymic: the gender comes from the first name and surname
    ['Кузнецова Анна', 'Кузнецовой Анны', 'Кузнецовой Анне', 'female'],
    ['Соколов Дмитрий', 'Соколова Дмитрия', 'Соколову Дмитрию', 'male'],
    // foreign names in Latin letters stay as written and the gender is not guessed
    ['Smith John', 'Smith John', 'Smith John', 'unknown'],
  ])('%s', (name, genitive, dative, gender) => {
    const forms = declineFullName(name);
    expect(forms.nominative).toBe(name);
    expect(forms.genitive).toBe(genitive);
    expect(forms.dative).toBe(dative);
    expect(forms.gender).toBe(gender);
  });

  it('the accusative, for verbs whose object is the person', () => {
    expect(declineFullName('Смирнова Ольга Викторовна').accusative).toBe('Смирнову Ольгу Викторовну');
    expect(declineFullName('Иванов Пётр Сергеевич').accusative).toBe('Иванова Петра Сергеевича');
    expect(declineFullName('Черных Елена Петровна').accusative).toBe('Черных Елену Петровну');
  });

  it('a stored gender wins over the guess', () => {
    // «Саша» and «Ким» say nothing about gender; only the stored value can.
    expect(nameGender('Ким Саша')).toBe('unknown');
    expect(declineFullName('Ким Саша', 'female')).toMatchObject({ gender: 'female', genitive: 'Ким Саши' });
  });

  it('tidies stray spaces, so a hand-typed name reads the same in every case', () => {
    expect(declineFullName('  Смирнова   Ольга Викторовна ')).toMatchObject({
      nominative: 'Смирнова Ольга Викторовна',
      short: 'Смирнова О. В.',
    });
  });
});

describe('shortName', () => {
  it.each([
    ['Смирнова Ольга Викторовна', 'Смирнова О. В.'],
    ['Иванова Анна-Мария', 'Иванова А.-М.'],
    ['Петрова-Водкина Анна Ивановна', 'Петрова-Водкина А. И.'],
    ['Дюма', 'Дюма'],
  ])('%s → %s', (name, short) => expect(shortName(name)).toBe(short));
});
