import * as Comlink from 'comlink';
import { UserError } from '../src/core/errors';
import { MAX_THREADS, type ShardAssignment } from '../src/core/optimizer';
import {
  type AuditProgress,
  type AuditRequest,
  auditTransferables,
  type ContinueRequest,
  createAuditSession,
} from '../src/engine/auditSession';
import { CANCEL_CELLS } from '../src/engine/cancellation';
import type { ExplorerConfig } from '../src/engine/config';
import type { CsvLoadRequest } from '../src/engine/csvSession';
import { createEngine } from '../src/engine/engine';
import type { StageProgressReport } from '../src/engine/frame';
import type { PairBox } from '../src/engine/pairViews';
import type { SliceProgress } from '../src/engine/seedTasks';
import type { SweepPanel, SweepProgress, SweepSpec } from '../src/engine/sweep';
import type { Table1Progress, Table1Request } from '../src/engine/table1';

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
const auditGeneration = () => (cancelCell ? Atomics.load(cancelCell, CANCEL_CELLS.audit) : 0);
let progressListener: ((progress: StageProgressReport) => void) | null = null;

/**
 * Helper threads for parallel epochs, started on first use and kept: a run's optimizer blocks on
 * them, so they must be running before it steps (a worker that is still starting would not answer).
 * Only where shared memory exists (a cross-origin isolated page) and the machine has cores to spare.
 */
const helperLimit = self.crossOriginIsolated
  ? Math.max(0, Math.min(MAX_THREADS, navigator.hardwareConcurrency || 1) - 1)
  : 0;
const helpers: Worker[] = [];
let nextHelper = 0;

async function ensureHelpers(count: number): Promise<void> {
  const wanted = Math.min(count, helperLimit);
  const starting: Promise<void>[] = [];
  while (helpers.length + starting.length < wanted) {
    const helper = new Worker(new URL('./shard.worker.ts', import.meta.url), { type: 'module' });
    starting.push(
      new Promise((resolve, reject) => {
        // Its one message says it has booted.
        helper.addEventListener(
          'message',
          () => {
            helpers.push(helper);
            resolve();
          },
          { once: true },
        );
        helper.onerror = () => reject(new UserError('A helper thread for parallel epochs failed to start.'));
      }),
    );
  }
  await Promise.all(starting);
}

const engine = createEngine({
  schedule: messageChannelScheduler(),
  cancelGeneration: () => (cancelCell ? Atomics.load(cancelCell, CANCEL_CELLS.run) : 0),
  onProgress: (progress) => progressListener?.(progress),
  // Without shared memory there is nothing to offer (the engine then says why it runs one thread).
  parallel: self.crossOriginIsolated
    ? {
        get maxThreads() {
          return helpers.length + 1;
        },
        startHelper(assignment: ShardAssignment) {
          helpers[nextHelper % helpers.length].postMessage(assignment);
          nextHelper += 1;
        },
      }
    : undefined,
});

/** The audit of the user's own UMAP, which keeps the last import for "Continue from it". */
const audits = createAuditSession();

/** Configurations apply in the order they came, though some wait for helper threads to start. */
let configureQueue: Promise<unknown> = Promise.resolve();

const api = {
  configure(config: ExplorerConfig) {
    const applied = configureQueue.then(async () => {
      if (config.threads > 1) await ensureHelpers(config.threads - 1);
      return engine.configure(config);
    });
    configureQueue = applied.catch(() => {});
    return applied;
  },
  /** Fetches and decodes the bundled digits here, off the UI thread. */
  loadBundledDigits: (url: string) => engine.loadBundledDigits(url),
  /** The column chooser's data: the file read and parsed here, off the page's thread. */
  inspectCsv: async (file: Blob) => engine.inspectCsv(await file.arrayBuffer()),
  /** Parses the whole file (progress as stage 'csv', cancelled by the shared cell) into the engine. */
  loadCsv: async (file: Blob, request: CsvLoadRequest) => engine.loadCsv(await file.arrayBuffer(), request),
  /**
   * Audits a UMAP made elsewhere (engine/auditSession.ts), its files read here; the engine's run is
   * not touched. `onProgress` is the page's Comlink.proxy callback; the audit stops at its next
   * step once the audit's cell has moved from `generation`, its value when the page asked.
   */
  async auditUmapFiles(
    files: File[],
    request: AuditRequest,
    onProgress?: (progress: AuditProgress) => void,
    generation = auditGeneration(),
  ) {
    const read = await Promise.all(
      files.map(async (file) => ({ name: file.name, bytes: await file.arrayBuffer() })),
    );
    const result = await audits.audit(
      read,
      request,
      onProgress && ((progress) => void onProgress(progress)),
      () => auditGeneration() !== generation,
    );
    return result && Comlink.transfer(result, auditTransferables(result));
  },
  /**
   * Continues the last audited layout as an engine task (the run pauses; cancel() stops it, null);
   * `onProgress` is the page's Comlink.proxy callback. The continued layout is transferred.
   */
  async continueAudit(request: ContinueRequest, onProgress?: (progress: SliceProgress) => void) {
    const result = await engine.runTask(
      audits.continuation(request),
      onProgress && ((progress) => void onProgress(progress)),
    );
    return result && Comlink.transfer(result, [result.layout.buffer]);
  },
  play: () => engine.play(),
  pause: () => engine.pause(),
  step: (epochs: number) => engine.step(epochs),
  /** Brushing a pair view: the points of the pairs in the box (engine.pairPoints), transferred. */
  pairPoints(view: 'target' | 'mu', box: PairBox) {
    const points = engine.pairPoints(view, box);
    return Comlink.transfer(points, [points.buffer]);
  },
  reset: () => engine.reset(),
  cancel: () => engine.cancel(),
  runSeeds: (seeds: number, every: number) => engine.runSeeds(seeds, every),
  lossTable: () => engine.lossTable(),
  /** Table 1 over seeds; `onProgress` is the page's Comlink.proxy callback. */
  runTable1: (options: Table1Request, onProgress?: (progress: Table1Progress) => void) =>
    engine.runTable1(options, onProgress && ((progress) => void onProgress(progress))),
  /** A parameter sweep; `onProgress` and `onPanel` are the page's Comlink.proxy callbacks. */
  runSweep: (
    spec: SweepSpec,
    onProgress?: (progress: SweepProgress) => void,
    onPanel?: (panel: SweepPanel, index: number) => void,
  ) =>
    engine.runSweep(
      spec,
      onProgress && ((progress) => void onProgress(progress)),
      onPanel && ((panel, index) => void onPanel(panel, index)),
    ),
  /**
   * The page shares two Int32 cells: bumping the first cancels a build that is busy computing, the
   * second an audit (CANCEL_CELLS).
   */
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
