/**
 * Where SMS leave the service. The SMS sender (core/sms) drains sms_outbox through one of these; the default
 * gateway only logs (no provider configured), a real one talks to a provider's HTTP API.
 */
export interface SmsGateway {
  /** A short name for logs and the staff's view: 'log', 'smsru', … */
  readonly name: string;
  /**
   * Sends one message to an E.164 number. Resolves with the provider's message id when the provider accepted it;
   * throws SmsError otherwise, saying whether trying again later can help.
   */
  send(message: { phone: string; text: string }): Promise<{ providerMessageId: string | null }>;
}

export class SmsError extends Error {
  constructor(
    message: string,
    /** True for timeouts, 5xx and rate limits; false when the provider refused the message itself. */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'SmsError';
  }
}
