// Loads one API resource for a page, with optional polling (live turnout). Cancels on unmount.
import { useEffect, useState } from 'preact/hooks';
import type { ApiFailure, ApiOutcome } from '../api.ts';

export type Resource<T> = { readonly kind: 'loading' } | { readonly kind: 'ready'; readonly value: T } | { readonly kind: 'failed'; readonly failure: ApiFailure };

export function useApi<T>(load: () => Promise<ApiOutcome<T>>, deps: readonly unknown[], pollMs?: number): Resource<T> {
  const [state, setState] = useState<Resource<T>>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      const r = await load();
      if (!live) return;
      setState(r.ok ? { kind: 'ready', value: r.value } : { kind: 'failed', failure: r });
      if (pollMs !== undefined && !document.hidden) timer = setTimeout(() => void run(), pollMs);
      else if (pollMs !== undefined) timer = setTimeout(() => void run(), pollMs * 3);
    };
    setState({ kind: 'loading' });
    void run();
    return () => {
      live = false;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, deps);
  return state;
}
