import { useEffect, useState } from 'react';
import { serverNow } from './api';

/** The current time (by the server's clock), refreshed every `everyMs`: the join button opens by itself when its window comes. */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => serverNow());
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
