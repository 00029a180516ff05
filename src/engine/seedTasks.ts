/**
 * Fig. 3's multi-seed curves, Table 1 over seeds, sweeps and other sliced work (the audit's
 * continuation) as tasks of the engine: long computations that share the worker with incoming calls
 * (they yield between slices) and report progress.
 */
import type { ExplorerConfig } from './config';
import type { StageProgressReport } from './frame';
import { type MultiSeedCurves, runSeeds, type SliceLoop } from './multiSeed';
import type { ExternalDataset } from './pipeline';
import type { Run } from './run';
import { runSweep, type SweepPanel, type SweepProgress, type SweepResult, type SweepSpec } from './sweep';
import {
  runTable1,
  type Table1Context,
  type Table1Progress,
  type Table1Request,
  type Table1Seeds,
} from './table1';
import { stageRemainingSeconds } from './timeEstimates';

/** Progress that crosses to the page (Table 1, a sweep, a sliced task) goes out at most this often (ms). */
const PROGRESS_REPORT_MS = 250;

export interface TaskScheduler {
  now: () => number;
  /** Work between two yields (ms). */
  sliceMs: number;
  /** Runs a task after the calls that are waiting. */
  schedule: (task: () => void) => void;
}

/** A pause between slices of work: yields once `sliceMs` have passed since the last yield, `beforeYield` first. */
function slicePause({ now, sliceMs, schedule }: TaskScheduler) {
  let lastPause = now();
  return async (beforeYield?: () => void): Promise<void> => {
    if (now() - lastPause < sliceMs) return;
    beforeYield?.();
    await new Promise<void>((resolve) => schedule(resolve));
    lastPause = now();
  };
}

/** A sliced task's progress: the share done, and the time left once it can be estimated. */
export interface SliceProgress {
  fraction: number;
  remainingSeconds?: number;
}

/** A SliceLoop on the engine's thread: yields every `sliceMs`, telling `onProgress` the share done and the time left first. */
function sliceLoop(
  scheduler: TaskScheduler,
  shouldCancel: () => boolean,
  onProgress: (progress: SliceProgress) => void,
): SliceLoop {
  const pause = slicePause(scheduler);
  const startedAt = scheduler.now();
  return {
    shouldCancel,
    pause: (fraction) =>
      pause(() =>
        onProgress({
          fraction,
          remainingSeconds: stageRemainingSeconds((scheduler.now() - startedAt) / 1000, fraction),
        }),
      ),
  };
}

/** `report`, called at most every PROGRESS_REPORT_MS. */
function throttled<T>(now: () => number, report: (progress: T) => void): (progress: T) => void {
  let lastReport = Number.NEGATIVE_INFINITY;
  return (progress) => {
    if (now() - lastReport < PROGRESS_REPORT_MS) return;
    lastReport = now();
    report(progress);
  };
}

/** Fig. 3's curves for the run's configuration and artifacts; progress as stage 'seeds' with the time left. */
export function seedsTask(
  run: Run,
  { seeds, every, shouldCancel }: { seeds: number; every: number; shouldCancel: () => boolean },
  scheduler: TaskScheduler,
  onProgress: (progress: StageProgressReport) => void,
): Promise<MultiSeedCurves | null> {
  return runSeeds(run.config, run.artifacts, {
    seeds,
    every,
    // Unthrottled: this progress goes out with the frames, which the page pulls at its own pace.
    ...sliceLoop(scheduler, shouldCancel, (progress) => onProgress({ stage: 'seeds', ...progress })),
  });
}

/** Any work that steps in slices (the audit's continuation), its progress to `onProgress` at most every 250 ms. */
export function slicedTask<T>(
  task: (loop: SliceLoop) => Promise<T>,
  shouldCancel: () => boolean,
  scheduler: TaskScheduler,
  onProgress: (progress: SliceProgress) => void = () => {},
): Promise<T> {
  return task(sliceLoop(scheduler, shouldCancel, throttled(scheduler.now, onProgress)));
}

/** Table 1 over seeds from `base` (engine/table1.ts), its progress to `onProgress` at most every 250 ms. */
export function table1Task(
  base: ExplorerConfig,
  request: Table1Request,
  context: { external: ExternalDataset | null; shouldCancel: () => boolean },
  scheduler: TaskScheduler,
  onProgress?: (progress: Table1Progress) => void,
): Promise<Table1Seeds | null> {
  const pause = slicePause(scheduler);
  const { now } = scheduler;
  const reportProgress = throttled(now, (progress: Table1Progress) => onProgress?.(progress));
  const report: Table1Context['report'] = (progress) => {
    reportProgress(progress);
    return pause();
  };
  return runTable1(base, request, { ...context, now, report });
}

/** A parameter sweep from `base` (engine/sweep), its progress to `onProgress` at most every 250 ms, each panel to `onPanel`. */
export function sweepTask(
  base: ExplorerConfig,
  spec: SweepSpec,
  context: { external: ExternalDataset | null; shouldCancel: () => boolean },
  scheduler: TaskScheduler,
  onProgress?: (progress: SweepProgress) => void,
  onPanel?: (panel: SweepPanel, index: number) => void,
): Promise<SweepResult | null> {
  const pause = slicePause(scheduler);
  const { now } = scheduler;
  let lastReport = Number.NEGATIVE_INFINITY;
  const csv = context.external && base.dataset === 'csv' ? context.external.dataset : null;
  return runSweep(spec, base, {
    ...context,
    csv: csv && { n: csv.n, dim: csv.dim },
    now,
    onPanel,
    report: (progress) => {
      if (now() - lastReport >= PROGRESS_REPORT_MS || progress.stage === 'building') {
        lastReport = now();
        onProgress?.(progress);
      }
      return pause();
    },
  });
}
