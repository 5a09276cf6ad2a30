import { createCallbackData as createLenientCallbackData } from 'callback-data';
import type { CallbackData, FilterClause, Schema } from 'callback-data/dist/types.js';

/**
 * A button press whose data this bot did not make: stale (an old message, an older data format) or forged by a
 * client. Expected, not a bug: the error boundary answers the press and logs it at warn, and nothing changes.
 */
export class StaleButtonError extends Error {
  override readonly name = 'StaleButtonError';
  constructor(readonly data: string) {
    super('stale or forged callback data');
  }
}

/**
 * Typed callback data that accepts only what `pack` could have produced. The package's own unpack takes
 * `lang:ru:extra` as a miss of its count check but `1abc` or `Infinity` as numbers, and its filter matches any
 * number of parts; here a value must pack back to exactly the same data, and numbers must be safe integers
 * (every number in our buttons is an id, an index or a timestamp).
 */
export function createCallbackData<T extends Schema>(id: string, schema: T) {
  const lenient = createLenientCallbackData(id, schema);
  const numbers = Object.keys(schema).filter((field) => schema[field] === Number);

  function parse(data: unknown): CallbackData<T> | undefined {
    if (typeof data !== 'string') return undefined;
    let value: CallbackData<T>;
    try {
      value = lenient.unpack(data);
      if (lenient.pack(value) !== data) return undefined;
    } catch {
      return undefined;
    }
    return numbers.every((field) => Number.isSafeInteger(value[field])) ? value : undefined;
  }

  return {
    pack: (data: CallbackData<T>): string => lenient.pack(data),
    /** The values of data this bot packed; anything else throws StaleButtonError. */
    unpack(data: string): CallbackData<T> {
      const value = parse(data);
      if (!value) throw new StaleButtonError(data);
      return value;
    },
    /** The values, or undefined for data this bot did not pack. */
    parse,
    /**
     * Matches only data `unpack` accepts (grammY and the conversations plugin match through `exec`), so a malformed
     * press reaches no handler and no waiting conversation step, which a throw would end.
     */
    filter(clause?: FilterClause<T>): RegExp {
      return new StrictPattern(lenient.filter(clause), (data) => parse(data) !== undefined);
    },
  };
}

class StrictPattern extends RegExp {
  constructor(
    pattern: RegExp,
    private readonly accepts?: (data: string) => boolean,
  ) {
    super(pattern.source, pattern.flags);
  }

  override exec(input: string): RegExpExecArray | null {
    const found = super.exec(input);
    // RegExp methods build copies through the constructor (species) without `accepts`: those match as before.
    return found && this.accepts && !this.accepts(input) ? null : found;
  }
}
