/**
 * Stems of words a person uses when something is wrong with their body right now, in Russian and English. A message
 * that reads like this gets the emergency numbers before anything else: a chat bot is never the place to wait with
 * chest pain. The list is short on purpose — it must not answer "when is my consultation?" with 103.
 */
const URGENT_PATTERNS: readonly RegExp[] = [
  // Russian: the heart and the chest.
  /бол(ит|ь|и|ят)\s+(в\s+)?(сердц|груд)/,
  /(сердц|груд)[а-яa-z]*\s+бол/,
  /(давит|жжет|жжёт|колет|сжимает)\s+(в\s+)?(груд|сердц)/,
  /сердечн[а-яa-z]*\s+приступ/,
  /инфаркт|инсульт/,
  // Breath, consciousness, bleeding.
  /одышк|задыха|не\s+могу\s+дышать|нечем\s+дышать/,
  /кровотечен|кровит|кровь\s+(идет|идёт|не\s+останавливается)/,
  /(потер|теря)[а-яa-z]*\s+сознани|без\s+сознания|обморок|упал[а-яa-z]*\s+в\s+обморок/,
  /судорог|онемел[а-яa-z]*\s+(рука|нога|лицо|половин)/,
  // English.
  /chest\s+pain|pain\s+in\s+(my\s+)?chest|heart\s+(hurts|pain)|heart\s+attack|stroke/,
  /short(ness)?\s+of\s+breath|can'?t\s+breathe|cannot\s+breathe|struggling\s+to\s+breathe/,
  /bleeding|fainted|passed\s+out|unconscious|seizure/,
];

/** Whether a free text reads like a medical complaint or an emergency (case and ё/е do not matter). */
export function soundsUrgent(text: string): boolean {
  const plain = text.toLowerCase().replaceAll('ё', 'е');
  return URGENT_PATTERNS.some((pattern) => pattern.test(plain));
}
