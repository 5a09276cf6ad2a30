import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs to stdout; redacts anything that may carry a token or a person's data. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: ['token', '*.token', 'config.patientBotToken', 'config.staffBotToken', 'phone', '*.phone', 'fullName', '*.fullName'],
      censor: '[redacted]',
    },
  });
}
