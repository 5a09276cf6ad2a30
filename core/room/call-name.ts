/**
 * The name the other side of the call sees, which also travels inside the Jitsi token: the given name and the surname's
 * initial ("Иванова Мария Петровна" → "Мария И."), never the patronymic or the whole surname. Names are stored surname
 * first; a one-word name is shown as it is. The doctor reads the full name in the staff bot.
 */
export function callNameOf(fullName: string): string {
  const [surname = '', given] = fullName.trim().split(/\s+/).filter(Boolean);
  if (!given) return surname;
  const initial = [...surname][0];
  return initial ? `${given} ${initial.toUpperCase()}.` : given;
}
