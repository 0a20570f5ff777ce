// Load JSON for a page; reload on demand after a save.
import { useCallback, useEffect, useState } from 'react';
import { call, ProblemError } from './api';

export function useJson<T>(url: string | null): { data: T | null; error: ProblemError | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ProblemError | null>(null);
  const [n, setN] = useState(0);
  useEffect(() => {
    if (!url) return;
    let live = true;
    setError(null);
    call<T>('GET', url).then((d) => { if (live) setData(d); }, (e: ProblemError) => { if (live) setError(e); });
    return () => { live = false; };
  }, [url, n]);
  return { data, error, reload: useCallback(() => setN((x) => x + 1), []) };
}
