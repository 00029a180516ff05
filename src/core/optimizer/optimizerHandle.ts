/**
 * What every optimizer backend shares: the epoch counter, the learning-rate schedule
 * α·(1 − epoch/N) set after each epoch (docs/algorithm.md §1.10), `step`, and the live setters, which take
 * effect from the next epoch. A backend supplies only the epoch itself and what a change of m does
 * to its negative-sample schedule.
 */
import { learningRateAt } from './sampling';
import type { EpochStats, Optimizer, OptimizerBackend, PerEdgeCounts } from './types';
import { checkLearningRate, checkNegativeSampleRate } from './validateOptions';

export interface OptimizerCore {
  backend: OptimizerBackend;
  /** Threads running each epoch (parallelOptimizer.ts); 1 unless given. */
  threads?: number;
  embedding: Float32Array;
  nEpochs: number;
  learningRate: number;
  m: number;
  perEdgeCounts?: PerEdgeCounts;
  /** Runs epoch `epoch` (0-based) with step size `alpha`. */
  runEpoch(epoch: number, alpha: number): EpochStats;
  /** m changes from `from` to `to` before the next epoch (validated, and only when it differs). */
  changeNegativeSampleRate(from: number, to: number): void;
  /** Releases what the backend holds beyond memory (helper threads); none unless given. */
  dispose?(): void;
}

export function optimizerHandle(core: OptimizerCore): Optimizer {
  const { nEpochs } = core;
  let epoch = 0;
  let m = core.m;
  let initialAlpha = core.learningRate;
  let alpha = learningRateAt(0, nEpochs, initialAlpha);
  return {
    backend: core.backend,
    threads: core.threads ?? 1,
    embedding: core.embedding,
    nEpochs,
    perEdgeCounts: core.perEdgeCounts,
    get epoch() {
      return epoch;
    },
    get alpha() {
      return alpha;
    },
    step(epochs = 1) {
      const stats: EpochStats[] = [];
      for (let e = 0; e < epochs && epoch < nEpochs; e++) {
        stats.push(core.runEpoch(epoch, alpha));
        epoch++;
        alpha = learningRateAt(epoch, nEpochs, initialAlpha);
      }
      return stats;
    },
    setNegativeSampleRate(newRate: number) {
      checkNegativeSampleRate(newRate);
      if (newRate === m) return;
      core.changeNegativeSampleRate(m, newRate);
      m = newRate;
    },
    setLearningRate(lr: number) {
      checkLearningRate(lr);
      initialAlpha = lr;
      alpha = learningRateAt(epoch, nEpochs, initialAlpha);
    },
    dispose() {
      core.dispose?.();
    },
  };
}
