import { useCallback, useEffect, useState } from 'react';
import type { ConsultationItem, JoinResponse } from '../../../api/miniapp/contract';
import { ApiError, request, serverNow } from './api';
import { haptic, openExternal, themeFragment } from './telegram';
import { useNow } from './use-now';

export interface Join {
  /** From joinOpensAt (10 minutes before) until the end, for a scheduled consultation. */
  open: boolean;
  busy: boolean;
  error: ApiError | undefined;
  join(): void;
}

/**
 * Joining opens the room page in the phone's browser (openLink), where camera and microphone work, unlike in
 * Telegram's WebView. The link is fetched as soon as the window opens, so the tap itself opens it at once: clients
 * honour openLink only straight from a tap, and a slow request in between could lose it.
 */
export function useJoin(c: ConsultationItem, patientId: number): Join {
  const now = useNow();
  const open = c.status === 'scheduled' && now >= Date.parse(c.joinOpensAt) && now < Date.parse(c.endsAt);
  const [link, setLink] = useState<JoinResponse>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const fetchLink = useCallback(
    (signal?: AbortSignal) =>
      request<JoinResponse>(`/consultations/${c.id}/join`, { query: { patientId }, ...(signal ? { signal } : {}) }).then(
        (res) => {
          setLink(res);
          setError(undefined);
          return res;
        },
        (err: unknown) => {
          if (signal?.aborted) return undefined;
          setError(err instanceof ApiError ? err : new ApiError(0, 'network', String(err)));
          return undefined;
        },
      ),
    [c.id, patientId],
  );

  useEffect(() => {
    if (!open || link) return;
    const controller = new AbortController();
    void fetchLink(controller.signal);
    return () => controller.abort();
  }, [open, link, fetchLink]);

  const join = useCallback(() => {
    const usable = link && Date.parse(link.validUntil) > serverNow() + 5_000;
    if (usable) {
      haptic('success');
      openExternal(link.url + themeFragment());
      // A room link may be single-use: the next tap gets a fresh one.
      setLink(undefined);
      return;
    }
    setBusy(true);
    void fetchLink().then((res) => {
      setBusy(false);
      if (res) {
        haptic('success');
        openExternal(res.url + themeFragment());
        setLink(undefined);
      } else haptic('error');
    });
  }, [link, fetchLink]);

  return { open, busy, error, join };
}
