import { useEffect, useState } from 'react';
import type { ExplorerState, ExplorerStore } from './store';

/**
 * A value of a store, re-read at most every `intervalMs` after it changes: for panels that people
 * read rather than watch (charts, numbers), so React and layout do not run on every frame.
 * `select` must be stable (a module-level function), and the last change is always delivered.
 */
export function useThrottledStoreValue<T>(
  store: ExplorerStore,
  select: (state: ExplorerState) => T,
  intervalMs: number,
): T {
  const [value, setValue] = useState(() => select(store.getState()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastUpdate = 0;
    const unsubscribe = store.subscribe((state, previous) => {
      if (select(state) === select(previous) || timer !== undefined) return;
      const wait = Math.max(0, lastUpdate + intervalMs - performance.now());
      timer = setTimeout(() => {
        timer = undefined;
        lastUpdate = performance.now();
        setValue(select(store.getState()));
      }, wait);
    });
    setValue(select(store.getState()));
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store, select, intervalMs]);
  return value;
}
