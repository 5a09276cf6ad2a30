import { chmodSync, writeFileSync } from 'node:fs';

/**
 * Writes a file the CLI produces from patients' data (a report, rejected referral rows) readable by its owner only,
 * 0600, as the database is: the mode on creation, and again for a file that was already there.
 */
export function writePrivateFile(file: string, bytes: Uint8Array): void {
  writeFileSync(file, bytes, { mode: 0o600 });
  chmodSync(file, 0o600);
}
