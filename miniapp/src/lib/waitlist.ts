import { useState } from 'react';
import type { Specialty, WaitlistEntryResponse, WaitlistItem, WaitlistResponse } from '../../../api/miniapp/contract';
import { ApiError, invalidate, request, useApi, type Resource } from './api';
import { useI18n } from './i18n';
import { confirm, haptic } from './telegram';

/** The profile's days still waited for (GET /api/waitlist), soonest first; null asks nothing. */
export function useWaitlist(patientId: number | null): Resource<WaitlistResponse> {
  return useApi<WaitlistResponse>(patientId === null ? null : '/waitlist', { patientId: patientId ?? undefined });
}

const asApiError = (err: unknown) => (err instanceof ApiError ? err : new ApiError(0, 'network', String(err)));

/** What the last action did, for the screen to say: joined (or was already waiting), left, or already gone. */
export type WaitlistOutcome = { kind: 'joined'; entry: WaitlistItem } | { kind: 'left'; id: number; date: string } | { kind: 'gone' };

/**
 * Joining (POST: 201 new, 200 already waiting — the same answer to the patient) and leaving (DELETE behind Telegram's
 * confirm popup; a 404 means the entry is no longer there, usually because the bot has already told the patient).
 */
export function useWaitlistActions(patientId: number, onChange: () => void) {
  const { t, calendarDate } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [outcome, setOutcome] = useState<WaitlistOutcome>();

  const run = async (fn: () => Promise<WaitlistOutcome>) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      setOutcome(await fn());
      haptic('success');
      invalidate('/waitlist');
      onChange();
    } catch (err) {
      haptic('error');
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const join = (specialty: Specialty, date: string) =>
    run(async () => {
      const res = await request<WaitlistEntryResponse>('/waitlist', { method: 'POST', body: { patientId, specialty, date } });
      return { kind: 'joined', entry: res.waitlist };
    });

  const leave = async (entry: WaitlistItem) => {
    if (busy) return;
    const yes = await confirm(t('waitlist-leave-confirm', { date: calendarDate(entry.date) }), t('waitlist-leave-yes'), t('waitlist-leave-no'));
    if (!yes) return;
    await run(async () => {
      try {
        await request(`/waitlist/${entry.id}`, { method: 'DELETE', query: { patientId } });
        return { kind: 'left', id: entry.id, date: entry.date };
      } catch (err) {
        if (err instanceof ApiError && err.code === 'not_found') return { kind: 'gone' };
        throw err;
      }
    });
  };

  /** Forgets what was said (another day opened). */
  const clear = () => {
    setOutcome(undefined);
    setError(undefined);
  };

  return { join, leave, busy, error, outcome, clear };
}
