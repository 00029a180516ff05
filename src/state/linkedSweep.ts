import { type ExplorerConfig, sameConfig } from '../engine/config';
import type { SweepSpec } from '../engine/sweep';
import { useLinkStore } from './linkStore';
import { useExplorerStore } from './store';
import type { RunClient } from './workerClient';

/**
 * Whether the run on screen is the link's: the same configuration and, for a CSV, the same file. A
 * CSV's n is the file's, so the n the sender's controls held does not count.
 */
function isLinkedRun(config: ExplorerConfig, linked: ExplorerConfig): boolean {
  if (linked.dataset !== 'csv') return sameConfig(config, linked);
  const linkedCsv = useLinkStore.getState().linkedCsv;
  const loadedCsv = useExplorerStore.getState().csv;
  return (
    linkedCsv !== null &&
    loadedCsv?.sha256 === linkedCsv.sha256 &&
    sameConfig({ ...config, n: linked.n }, linked)
  );
}

/**
 * A link that names a sweep shows it, as the sender saw it: the sweep runs once, as soon as the first
 * run of the link's configuration exists (the engine sweeps from the configuration in effect; a CSV
 * link's once its file is loaded, a large run's once confirmed). A sweep the user starts first
 * replaces it. Returns a function that stops waiting.
 */
export function runLinkedSweep(client: RunClient, linked: ExplorerConfig, spec: SweepSpec): () => void {
  const unsubscribe = useExplorerStore.subscribe((state) => {
    if (state.sweep) return unsubscribe();
    const frame = state.frame;
    if (!frame || frame.error || !isLinkedRun(frame.config, linked)) return;
    unsubscribe();
    void client.runSweep(spec);
  });
  return unsubscribe;
}
