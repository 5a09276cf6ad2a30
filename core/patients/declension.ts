import { getGender, incline } from 'lvovich';

/** Grammatical gender of a person as Russian needs it for verb and adjective agreement; `unknown` reads neutrally. */
export type Gender = 'male' | 'female' | 'unknown';

/** A full name in the cases our texts need, the short «Фамилия И. О.» form, and the gender that verbs agree with. */
export interface NameForms {
  nominative: string;
  genitive: string;
  dative: string;
  /** For verbs that take a person as their object: «ждал Иванову Марию Петровну». */
  accusative: string;
  /** «Смирнова О. В.» */
  short: string;
  gender: Gender;
}

type Case = 'genitive' | 'dative' | 'accusative';

// Names are stored as one string, «Фамилия Имя Отчество» (registration asks for them in that order);
// anything after the second word is the patronymic, so «Мамедов Али Гусейн оглы» keeps «Гусейн оглы» together.
function split(fullName: string): { last: string; first?: string; middle?: string } {
  const [last = '', first, ...rest] = fullName.trim().split(/\s+/);
  return { last, first, middle: rest.length > 0 ? rest.join(' ') : undefined };
}

const CYRILLIC = /^[\p{Script=Cyrillic}'’-]+$/u;

// lvovich 2.1 writes «Сашы» for the genitive of «Саша»; Russian spelling never puts ы after г, ж, к, х, ч, ш, щ.
const spelled = (word: string) => word.replace(/([гжкхчшщ])ы/giu, (_m, consonant: string) => `${consonant}и`);

function inclined(parts: ReturnType<typeof split>, gender: Gender, grammaticalCase: Case): string {
  const person = { ...parts, gender: gender === 'unknown' ? undefined : gender };
  const result = incline(person, grammaticalCase);
  // lvovich leaves Latin names alone already; a word in another script is never touched, whatever the rules guess.
  const pick = (original: string | undefined, declined: string | null | undefined) =>
    original === undefined ? undefined : CYRILLIC.test(original) ? spelled(declined ?? original) : original;
  return [pick(parts.last, result.last), pick(parts.first, result.first), pick(parts.middle, result.middle)]
    .filter((w): w is string => Boolean(w))
    .join(' ');
}

/**
 * The gender of a person: the stored one when the domain knows it, else what the patronymic, the first name and the
 * surname say (lvovich weighs them); `unknown` when they disagree or say nothing (foreign names, «Ким Саша»).
 */
export function nameGender(fullName: string, stored?: Gender | null): Gender {
  if (stored && stored !== 'unknown') return stored;
  const { last, first, middle } = split(fullName);
  const detected = getGender({ last, first, middle });
  return detected === 'male' || detected === 'female' ? detected : 'unknown';
}

/** «Смирнова Ольга Викторовна» → «Смирнова О. В.»; «Анна-Мария» → «А.-М.»; a surname alone stays as it is. */
export function shortName(fullName: string): string {
  const [surname = '', ...rest] = fullName.trim().split(/\s+/);
  const initials = rest.map((word) =>
    word
      .split('-')
      .map((part) => `${Array.from(part)[0] ?? ''}.`)
      .join('-'),
  );
  return [surname, ...initials].join(' ');
}

/** Every form of a full name our texts insert; see NameForms. */
export function declineFullName(fullName: string, stored?: Gender | null): NameForms {
  const normalized = fullName.trim().split(/\s+/).join(' ');
  const parts = split(normalized);
  const gender = nameGender(normalized, stored);
  return {
    nominative: normalized,
    genitive: inclined(parts, gender, 'genitive'),
    dative: inclined(parts, gender, 'dative'),
    accusative: inclined(parts, gender, 'accusative'),
    short: shortName(normalized),
    gender,
  };
}

/**
 * A name as Fluent arguments: `key` (as written), `keyGen`, `keyDat`, `keyAcc` and `keyGender` (male | female | unknown), so a
 * Russian text can pick its case and agree its verb while an English one uses `key` alone.
 */
export function nameArgs<K extends string>(key: K, fullName: string, stored?: Gender | null): Record<K | `${K}Gen` | `${K}Dat` | `${K}Acc` | `${K}Gender`, string> {
  const forms = declineFullName(fullName, stored);
  return {
    [key]: forms.nominative,
    [`${key}Gen`]: forms.genitive,
    [`${key}Dat`]: forms.dative,
    [`${key}Acc`]: forms.accusative,
    [`${key}Gender`]: forms.gender,
  } as Record<K | `${K}Gen` | `${K}Dat` | `${K}Acc` | `${K}Gender`, string>;
}
