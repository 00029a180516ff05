import * as Comlink from 'comlink';
import type { ExplorerConfig } from '../src/engine/config';
import { createEngine } from '../src/engine/engine';
import type { ExternalDataset } from '../src/engine/stages';

// Thin entry: the engine (src/engine, tested in Node) does the work; this file only exposes it.

/** Schedules a task after pending messages, without setTimeout's 4 ms clamp. */
function messageChannelScheduler(): (task: () => void) => void {
  const channel = new MessageChannel();
  const tasks: (() => void)[] = [];
  channel.port1.onmessage = () => tasks.shift()?.();
  return (task) => {
    tasks.push(task);
    channel.port2.postMessage(null);
  };
}

let cancelCell: Int32Array | null = null;
let progressListener: ((progress: { stage: string; fraction: number }) => void) | null = null;

const engine = createEngine({
  schedule: messageChannelScheduler(),
  cancelGeneration: () => (cancelCell ? Atomics.load(cancelCell, 0) : 0),
  onProgress: (progress) => progressListener?.(progress),
});

const api = {
  configure: (config: ExplorerConfig) => engine.configure(config),
  loadDataset: (dataset: ExternalDataset) => engine.loadDataset(dataset),
  play: () => engine.play(),
  pause: () => engine.pause(),
  step: (epochs: number) => engine.step(epochs),
  reset: () => engine.reset(),
  cancel: () => engine.cancel(),
  runSeeds: (seeds: number, every: number) => engine.runSeeds(seeds, every),
  lossTable: () => engine.lossTable(),
  /** The page shares one Int32 cell; bumping it cancels a build that is busy computing. */
  shareCancelCell(buffer: SharedArrayBuffer) {
    cancelCell = new Int32Array(buffer);
  },
  onProgress(listener: typeof progressListener) {
    progressListener = listener;
  },
  async pullFrame(afterVersion: number) {
    const frame = await engine.pullFrame(afterVersion);
    return Comlink.transfer(frame, [frame.embedding.buffer]);
  },
};

export type RunWorkerApi = typeof api;

Comlink.expose(api);
