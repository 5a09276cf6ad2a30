import { useCallback, useEffect, useState } from 'react';
import type { ApiError as ApiErrorBody } from '../../../api/miniapp/contract';
import { rawInitData } from './telegram';

/** A failed request: the server's `{error:{code,message}}`, or status 0 with code `network` when nothing came back. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(err: unknown, code?: string): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}

let serverOffsetMs = 0;

/**
 * Now by the server's clock. A phone set by hand can be minutes off, and the join window (10 minutes before the
 * start) is the server's: the offset comes from the Date header of API answers, ignored when under half a minute.
 */
export function serverNow(): number {
  return Date.now() + serverOffsetMs;
}

function noteServerTime(header: string | null): void {
  const at = header ? Date.parse(header) : NaN;
  if (Number.isNaN(at)) return;
  const offset = at - Date.now();
  serverOffsetMs = Math.abs(offset) > 30_000 ? offset : 0;
}

// A weak mobile connection can stall a request for minutes; better to say so and offer a retry.
const TIMEOUT_MS = 25_000;

type Query = Record<string, string | number | undefined>;

export function apiUrl(path: string, query?: Query): string {
  const url = new URL(`/api${path}`, window.location.origin);
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  return url.pathname + url.search;
}

export async function request<T>(path: string, opts: { method?: 'GET' | 'POST' | 'DELETE'; query?: Query; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  const onAbort = () => controller.abort();
  opts.signal?.addEventListener('abort', onAbort);
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), {
      method: opts.method ?? 'GET',
      headers: {
        Authorization: `tma ${rawInitData()}`,
        ...(opts.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: opts.body === undefined ? null : JSON.stringify(opts.body),
      signal: controller.signal,
    });
  } catch (err) {
    if (opts.signal?.aborted) throw err;
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
  noteServerTime(res.headers.get('date'));
  const text = await res.text().catch(() => '');
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const body = (json as Partial<ApiErrorBody> | undefined)?.error;
    throw new ApiError(res.status, body?.code ?? `http_${res.status}`, body?.message ?? res.statusText);
  }
  return json as T;
}

/**
 * Saves a file the API serves only with the init data header (a conclusion PDF): fetched here, handed to the
 * WebView as a download. The same PDF also reaches the patient in the bot's chat.
 */
export async function downloadFile(url: string, fileName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { Authorization: `tma ${rawInitData()}` } });
  } catch (err) {
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) throw new ApiError(res.status, `http_${res.status}`, res.statusText);
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/** Last good answers by URL: a screen opened again shows them at once while the fresh answer loads. */
const cache = new Map<string, unknown>();

/** Forgets cached answers whose URL starts with the prefix (after a booking, a cancellation…). */
export function invalidate(prefix: string): void {
  for (const key of cache.keys()) if (key.startsWith(`/api${prefix}`)) cache.delete(key);
}

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

/** GETs a path (null: nothing yet) and keeps the answer; reload() asks again. */
export function useApi<T>(path: string | null, query?: Query): Resource<T> {
  const key = path === null ? null : apiUrl(path, query);
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<Loaded<T>>(() => initial<T>(key));

  // Another key (another profile, another id) starts from what the cache has for it.
  let current = state;
  if (state.key !== key) {
    current = initial<T>(key);
    setState(current);
  }

  useEffect(() => {
    if (key === null || path === null) return;
    const controller = new AbortController();
    request<T>(path, { query, signal: controller.signal }).then(
      (data) => {
        cache.set(key, data);
        setState({ key, data, loading: false });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        const error = err instanceof ApiError ? err : new ApiError(0, 'network', String(err));
        setState((s) => ({ ...s, key, error, loading: false }));
      },
    );
    return () => controller.abort();
    // The key carries path and query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);

  const reload = useCallback(() => {
    setState((s) => ({ ...s, loading: true, error: undefined }));
    setTick((n) => n + 1);
  }, []);

  return { data: current.data, error: current.error, loading: current.loading, reload };
}

interface Loaded<T> {
  key: string | null;
  data?: T | undefined;
  error?: ApiError | undefined;
  loading: boolean;
}

function initial<T>(key: string | null): Loaded<T> {
  return { key, data: key ? (cache.get(key) as T | undefined) : undefined, loading: key !== null };
}
