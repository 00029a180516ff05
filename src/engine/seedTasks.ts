/**
 * Fig. 3's multi-seed curves and Table 1 over seeds as tasks of the engine: long computations that
 * share the worker with incoming calls (they yield between slices) and report progress.
 */
import type { ExplorerConfig } from './config';
import type { StageProgressReport } from './frame';
import { type MultiSeedCurves, runSeeds } from './multiSeed';
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

/** Table 1's and a sweep's progress go out at most this often (ms). */
const TABLE1_REPORT_MS = 250;

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

/** Fig. 3's curves for the run's configuration and artifacts; progress as stage 'seeds' with the time left. */
export function seedsTask(
  run: Run,
  { seeds, every, shouldCancel }: { seeds: number; every: number; shouldCancel: () => boolean },
  scheduler: TaskScheduler,
  onProgress: (progress: StageProgressReport) => void,
): Promise<MultiSeedCurves | null> {
  const pause = slicePause(scheduler);
  const startedAt = scheduler.now();
  return runSeeds(run.config, run.artifacts, {
    seeds,
    every,
    shouldCancel,
    pause: (fraction) =>
      pause(() => {
        const remainingSeconds = stageRemainingSeconds((scheduler.now() - startedAt) / 1000, fraction);
        onProgress({ stage: 'seeds', fraction, remainingSeconds });
      }),
  });
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
  let lastReport = Number.NEGATIVE_INFINITY;
  const report: Table1Context['report'] = (progress) => {
    if (now() - lastReport >= TABLE1_REPORT_MS) {
      lastReport = now();
      onProgress?.(progress);
    }
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
      if (now() - lastReport >= TABLE1_REPORT_MS || progress.stage === 'building') {
        lastReport = now();
        onProgress?.(progress);
      }
      return pause();
    },
  });
}
