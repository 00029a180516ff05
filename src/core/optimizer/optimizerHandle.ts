/**
 * What every optimizer backend shares: the epoch counter, the learning-rate schedule
 * α·(1 − epoch/N) set after each epoch (docs/algorithm.md §1.10), `step`, and the live setters, which take
 * effect from the next epoch, among them a live change of m, which rescales the negative-sample
 * schedule every backend reads (sampling.ts). A backend supplies only the epoch itself.
 */
import { createObjectiveState } from './contrastive/objective';
import { type EdgeSchedule, learningRateAt, rescaleNegativeSamples } from './sampling';
import type { EpochStats, Optimizer, OptimizerBackend, PerEdgeCounts } from './types';
import { type CheckedOptions, checkLearningRate, checkNegativeSampleRate } from './validateOptions';

export interface OptimizerCore {
  backend: OptimizerBackend;
  /** Threads running each epoch (parallelOptimizer.ts); 1 unless given. */
  threads?: number;
  embedding: Float32Array;
  /** The run's checked options: epochs, initial learning rate and m. */
  options: CheckedOptions;
  /** The edge schedule the epochs read; rescaled here when m changes, between epochs. */
  schedule: EdgeSchedule;
  perEdgeCounts?: PerEdgeCounts;
  /** Runs epoch `epoch` (0-based) with step size `alpha` on the epoch's loss settings. */
  runEpoch(epoch: number, alpha: number, loss: EpochLoss): EpochResult;
  /** What else the backend derives from m, after the schedule was rescaled to `m` (none unless given). */
  negativeSampleRateChanged?(m: number): void;
  /** Releases what the backend holds beyond memory (helper threads); none unless given. */
  dispose?(): void;
}

/** What the epoch's loss needs beyond the pair (contrastive/objective.ts). */
export interface EpochLoss {
  /** The NEG estimator's scale c (neg, nce); NaN for UMAP's and InfoNCE's losses. */
  negScale: number;
  /** InfoNCE's repulsion weight 1/τ. */
  infoNceWeight: number;
  /** Sum ∂L/∂log Z̄ over the epoch's pairs (NCE learns Z̄ from it). */
  learnNormalization: boolean;
}

/** An epoch's stats, and for NCE the sum of ∂L/∂log Z̄ over its pairs. */
export type EpochResult = EpochStats & { normalizationGradient?: number };

export function optimizerHandle(core: OptimizerCore): Optimizer {
  const { nEpochs } = core.options;
  const objective = createObjectiveState(core.options.objective, core.options.graph.n);
  let epoch = 0;
  let m = core.options.m;
  let initialAlpha = core.options.learningRate;
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
        const loss: EpochLoss = {
          negScale: objective.negScale(epoch, nEpochs, m),
          infoNceWeight: objective.infoNceWeight(),
          learnNormalization: objective.objective.mode === 'nce',
        };
        const { normalizationGradient, ...epochStats } = core.runEpoch(epoch, alpha, loss);
        const normalization = objective.normalization(epoch, nEpochs, m);
        if (normalization !== undefined) epochStats.normalization = normalization;
        if (normalizationGradient !== undefined && initialAlpha > 0) {
          objective.learnNormalization(normalizationGradient, epochStats.edgeSamples, alpha / initialAlpha);
        }
        stats.push(epochStats);
        epoch++;
        alpha = learningRateAt(epoch, nEpochs, initialAlpha);
      }
      return stats;
    },
    setNegativeSampleRate(newRate: number) {
      checkNegativeSampleRate(newRate);
      if (newRate === m) return;
      rescaleNegativeSamples(core.schedule, m, newRate);
      m = newRate;
      core.negativeSampleRateChanged?.(m);
    },
    setLearningRate(lr: number) {
      checkLearningRate(lr);
      initialAlpha = lr;
      alpha = learningRateAt(epoch, nEpochs, initialAlpha);
    },
    setSpectrum(s: number) {
      objective.setSpectrum(s);
    },
    dispose() {
      core.dispose?.();
    },
  };
}
