import { useEffect } from 'react';
import { defaultConfig, type ExplorerConfig, sameConfig } from '../engine/config';
import { useLinkStore } from './linkStore';
import { useExplorerStore } from './store';
import { type DecodedUrl, decodeConfig, encodeConfig } from './urlCodec';
import type { RunClient } from './workerClient';

/** Configurations applied within this time of the previous one belong to the same adjustment. */
const HISTORY_MERGE_MS = 1000;

/**
 * The link in the address bar, on opening and on back/forward: its configuration (the default, the
 * paper ring, without one) and the sweep it shows; what it had wrong and the CSV it names go to the
 * link store.
 */
export function readLocation(): DecodedUrl {
  const decoded = decodeConfig(window.location.hash);
  useLinkStore.getState().setFromLink(decoded.notices, decoded.csv);
  return decoded;
}

/**
 * A CSV link can only run once its file is loaded: until then the page shows the paper ring with the
 * link's other settings, and the LinkPanel asks for the file.
 */
export function runnableConfig(config: ExplorerConfig): ExplorerConfig {
  const linked = useLinkStore.getState().linkedCsv;
  const loaded = useExplorerStore.getState().csv;
  if (config.dataset !== 'csv' || (linked && loaded && linked.sha256 === loaded.sha256)) return config;
  return { ...config, dataset: defaultConfig.dataset, n: defaultConfig.n };
}

/**
 * Keeps the URL hash and the configuration in effect in step: every applied configuration becomes a
 * history entry (so back/forward navigate between configurations), and navigating applies the
 * configuration of the entry.
 */
export function useUrlSync(client: RunClient | null) {
  useEffect(() => {
    if (!client) return;
    let lastWrite = Number.NEGATIVE_INFINITY;
    const applyLocation = () => {
      const config = runnableConfig(readLocation().config);
      const inEffect = useExplorerStore.getState().frame?.config;
      if (!inEffect || !sameConfig(config, inEffect)) void client.configure(config);
    };
    window.addEventListener('popstate', applyLocation);
    const unsubscribe = useExplorerStore.subscribe((state, previous) => {
      const config = state.frame?.config;
      const configChanged = config !== previous.frame?.config;
      const sweepChanged = state.sweep?.spec !== previous.sweep?.spec;
      if (!config || (!configChanged && !sweepChanged)) return;
      const csv = config.dataset === 'csv' ? state.csv : null;
      // The link carries the sweep while its view is open, so a copied address shows it too.
      const hash = encodeConfig(config, csv, state.sweep?.spec ?? null);
      if (configChanged && !sameConfig(decodeConfig(window.location.hash).config, config)) {
        // A drag of a slider restarts the run at every step: the steps of one adjustment share one
        // history entry, so one Back undoes the adjustment.
        const now = performance.now();
        const merge = now - lastWrite < HISTORY_MERGE_MS;
        lastWrite = now;
        if (merge) window.history.replaceState(null, '', hash);
        else window.history.pushState(null, '', hash);
      } else if (sweepChanged) {
        // Opening or closing a sweep view is not a new configuration: no history entry of its own.
        window.history.replaceState(null, '', hash);
      }
    });
    return () => {
      window.removeEventListener('popstate', applyLocation);
      unsubscribe();
    };
  }, [client]);
}
