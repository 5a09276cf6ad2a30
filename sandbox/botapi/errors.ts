import type { ResponseParameters } from 'grammy/types';

// The Bot API's failures, answered as { ok: false, error_code, description, parameters? } with the same HTTP status.

/** A Bot API failure: answered as `{ ok: false, error_code, description, parameters? }`. */
export class BotApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
  }
}

export const badRequest = (message: string) => new BotApiError(400, `Bad Request: ${message}`);

/** A success that carries a description, as setWebhook/deleteWebhook answer. */
export class Described {
  constructor(
    readonly result: unknown,
    readonly description: string,
  ) {}
}
