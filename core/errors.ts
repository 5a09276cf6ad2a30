/** An expected failure of a rule of the service; `code` is stable and maps to a message in the user's language. */
export class DomainError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    readonly details: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}
