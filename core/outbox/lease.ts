import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** A sender's claim on the rows it takes (outbox, sms_outbox): who, unique per sender, and for how long. */
export interface Lease {
  owner: string;
  ms: number;
}

/**
 * Long enough for any one attempt, retries inside it included (auto-retry may sleep out a 429 of up to a minute, an
 * upload may take a while), short enough that a crashed sender's rows wait only minutes for another to take them.
 */
export const DEFAULT_LEASE_MS = 5 * 60_000;

/** A new sender's lease: the host and pid say who held a row, the random part tells two senders of one process apart. */
export function newLease(ms = DEFAULT_LEASE_MS): Lease {
  return { owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`, ms };
}
