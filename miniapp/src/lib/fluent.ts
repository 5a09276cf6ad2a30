import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';

export type TextArgs = Record<string, FluentVariable>;
/** A text by its Fluent id, with the values it names (`{ $date }`). */
export type Translate = (id: string, args?: TextArgs) => string;

/**
 * Formats the texts of one language out of its .ftl sources. Plurals choose their form by the language's CLDR rules
 * (Intl.PluralRules), as in the bots' files. A missing text or value is logged and shown as its name rather than
 * taking the screen down: the locale tests keep both from reaching a build.
 */
export function createTranslate(locale: string, sources: readonly string[]): Translate {
  // No Unicode isolation marks around values: the texts mix no right-to-left script, and the marks would travel
  // into copied text and native popups.
  const bundle = new FluentBundle(locale, { useIsolating: false });
  for (const source of sources) bundle.addResource(new FluentResource(source));
  return (id, args) => {
    const message = bundle.getMessage(id);
    if (!message?.value) {
      console.error(`no text ${id} in ${locale}`);
      return id;
    }
    const errors: Error[] = [];
    const text = bundle.formatPattern(message.value, args, errors);
    if (errors.length) console.error(`text ${id} in ${locale}:`, ...errors);
    return text;
  };
}
