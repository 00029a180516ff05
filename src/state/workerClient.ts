import * as Comlink from 'comlink';
import type { RunWorkerApi } from '../../workers/run.worker';

/** Starts the run worker and returns its comlink proxy with a disposer. */
export function startRunWorker(): { api: Comlink.Remote<RunWorkerApi>; dispose: () => void } {
  const worker = new Worker(new URL('../../workers/run.worker.ts', import.meta.url), { type: 'module' });
  const api = Comlink.wrap<RunWorkerApi>(worker);
  return {
    api,
    dispose() {
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
