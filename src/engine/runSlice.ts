/** One slice of a running optimizer: epochs for about `sliceMs`, then the engine answers calls again. */
import type { Outbox } from './frames';
import { evaluateRun, refreshNu } from './lossEvaluation';
import type { Run } from './run';

export interface SliceClock {
  /** Milliseconds clock. */
  now: () => number;
  /** Worker time per slice of epochs. */
  sliceMs: number;
}

/**
 * Runs up to `maxEpochs` epochs of `run` (fewer when the slice's time is up or the run ends), their
 * actual losses into the outbox, the purported and effective losses at the budget's cadence and at
 * the last epoch. Updates the run's pace; returns the epochs run.
 */
export function runSlice(run: Run, outbox: Outbox, maxEpochs: number, { now, sliceMs }: SliceClock): number {
  const { optimizer, budget } = run;
  const sliceStart = now();
  let epochs = 0;
  let epochTime = 0;
  while (optimizer.epoch < optimizer.nEpochs && epochs < maxEpochs) {
    const started = now();
    const [stats] = optimizer.step(1);
    const elapsed = now() - started;
    epochTime += elapsed;
    budget.recordEpochs(1, elapsed / 1000);
    epochs += 1;
    outbox.actual.push({ epoch: stats.epoch, actual: stats.actual });
    if (stats.normalization !== undefined) run.normalization = stats.normalization;
    const done = optimizer.epoch >= optimizer.nEpochs;
    if (budget.isDue(optimizer.epoch) || done) evaluateRun(run, outbox, now);
    if (now() - sliceStart >= sliceMs) break;
  }
  if (epochTime > 0) run.epochsPerSecond = (1000 * epochs) / epochTime;
  refreshNu(run, outbox, now);
  // The pace in wall time: from the end of the previous slice (publishing and scheduling count
  // too), or from this slice's start when the run was paused in between.
  const sliceEnd = now();
  const from = sliceEnd - run.lastSliceEnd < 1000 ? run.lastSliceEnd : sliceStart;
  run.rate.record(epochs, (sliceEnd - from) / 1000);
  run.lastSliceEnd = sliceEnd;
  return epochs;
}
