import type { RoomEntryResponse, RoomEvent, RoomEventResponse } from '../../../api/miniapp/contract';

export class RoomApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly opensAt?: string,
  ) {
    super(code);
  }
}

async function call<T>(path: string, init: { body?: unknown; session?: string; keepalive?: boolean }): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/room${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(init.session ? { Authorization: `Room ${init.session}` } : {}) },
      body: JSON.stringify(init.body ?? {}),
      cache: 'no-store',
      ...(init.keepalive ? { keepalive: true } : {}),
    });
  } catch {
    throw new RoomApiError(0, 'network');
  }
  const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; opensAt?: string } };
  if (!res.ok) throw new RoomApiError(res.status, body.error?.code ?? 'internal', body.error?.opensAt);
  return body as T;
}

/** The one-time ticket of the link, exchanged once for the call's entry. */
export const enter = (consultationId: number, ticket: string) => call<RoomEntryResponse>('/enter', { body: { consultationId, ticket } });
/** The same entry for this tab's session, after a reload. */
export const resume = (session: string) => call<RoomEntryResponse>('/resume', { session });
/** One of this side's own call events; `keepalive` lets the last one out while the page closes. */
export const report = (session: string, event: RoomEvent, keepalive = false) => call<RoomEventResponse>('/events', { body: { event }, session, keepalive });

const SIZES = [128 * 1024, 512 * 1024, 2 * 1024 * 1024];
const LONG_ENOUGH_MS = 2_000;

/** Download speed from our own server in kb/s (as the Mini App's device check measures it); the largest finished sample counts. */
export async function measureKbps(session: string, signal: AbortSignal): Promise<number> {
  let kbps = 0;
  for (const bytes of SIZES) {
    const started = performance.now();
    const res = await fetch(`/api/room/speedtest?bytes=${bytes}&nonce=${Math.random().toString(36).slice(2)}`, { headers: { Authorization: `Room ${session}` }, cache: 'no-store', signal });
    if (!res.ok) throw new Error(`speedtest ${res.status}`);
    const received = (await res.arrayBuffer()).byteLength;
    const ms = Math.max(performance.now() - started, 1);
    kbps = (received * 8) / ms;
    if (ms > LONG_ENOUGH_MS) break;
  }
  return Math.round(kbps);
}
