import * as Comlink from 'comlink';
import type { RunWorkerApi } from '../../workers/run.worker';
import { type ExplorerConfig, planChange } from '../engine/config';
import { useExplorerStore } from './store';

export type RunClient = ReturnType<typeof startRunClient>;

const nextAnimationFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/**
 * Starts the run worker and pulls frames from it at display rate: one frame in flight at a time,
 * the next asked for only after the previous one was handed to the store.
 */
export function startRunClient() {
  const worker = new Worker(new URL('../../workers/run.worker.ts', import.meta.url), { type: 'module' });
  const api = Comlink.wrap<RunWorkerApi>(worker);
  const store = useExplorerStore.getState();
  const cancelCell =
    typeof SharedArrayBuffer === 'function' ? new Int32Array(new SharedArrayBuffer(4)) : null;
  if (cancelCell) void api.shareCancelCell(cancelCell.buffer as SharedArrayBuffer);
  void api.onProgress(
    Comlink.proxy((progress: { stage: string; fraction: number }) => store.setProgress(progress)),
  );
  let disposed = false;

  (async () => {
    let after = -1;
    while (!disposed) {
      const frame = await api.pullFrame(after);
      if (disposed) break;
      after = frame.version;
      useExplorerStore.getState().acceptFrame(frame);
      await nextAnimationFrame();
    }
  })().catch((error: unknown) => {
    if (!disposed) console.error(error);
  });

  return {
    async configure(config: ExplorerConfig) {
      const state = useExplorerStore.getState();
      // Known before the worker answers: a restart makes every frame of the current run stale.
      if (planChange(state.frame?.config ?? null, config).rebuild.length > 0) state.expectRestart();
      state.setConfig(config);
      const report = await api.configure(config);
      useExplorerStore.getState().changeApplied(report);
      return report;
    },
    play: () => api.play(),
    pause: () => api.pause(),
    step: (epochs: number) => api.step(epochs),
    reset: () => api.reset(),
    cancel() {
      if (cancelCell) Atomics.add(cancelCell, 0, 1);
      return api.cancel();
    },
    async runSeeds(seeds: number, every: number) {
      const curves = await api.runSeeds(seeds, every);
      useExplorerStore.getState().setMultiSeed(curves);
      return curves;
    },
    lossTable: () => api.lossTable(),
    dispose() {
      disposed = true;
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
