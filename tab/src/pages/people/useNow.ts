import { useEffect, useState } from 'react';

/** The current time, renewed every `everyMs`, so "5 minutes ago" stays true while the page is open. */
export function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
