/**
 * t-SNE with exaggeration ρ behind the app's `Optimizer` interface (optimizer/types.ts): gradient
 * descent on KL(P‖Q) with the exaggerated gradient of Böhm, Berens & Kobak (JMLR 2022, eq. 4;
 * tsneGradient.ts), one full-batch iteration per "epoch".
 *
 * The schedule follows openTSNE's and FIt-SNE's defaults (Linderman et al. 2019; Belkina et al.
 * 2019; Kobak & Berens 2019), written from their documented behaviour:
 * - the layout is centred and rescaled to a first-coordinate std of 1e-4 (rescaleLayout.ts);
 * - early phase: the first `earlyIterations` iterations (default min(250, ⌊nEpochs/3⌋)) with
 *   ρ = earlyExaggeration (default 12) and momentum 0.5;
 * - main phase: ρ = `exaggeration` with momentum 0.8; gains and update restart at the switch;
 * - delta-bar-delta gains (deltaBarDelta.ts);
 * - learning rate 'auto': η = n/ρ_phase (Belkina et al. 2019), i.e. n/12 in the default early
 *   phase. openTSNE floors it at 50; we do not: a point's attraction step is about η·ρ/n times its
 *   offset from its neighbours, stable near 1 (η = n/ρ), and where the floor lifts η above n/ρ
 *   (n < 50ρ) the main phase oscillates (measured: 5 blobs, n = 500, ρ = 30, η = 50: the blobs do
 *   not contract; η = n/ρ: they do).
 *
 * Step convention. bhtsne, FIt-SNE and openTSNE step along Σ_j (ρ p_ij − q_ij) w_ij (y_i − y_j),
 * the KL gradient without its factor 4, and their η (and its 'auto' rule) is meant for that
 * direction; scikit-learn, whose gradient keeps the 4, divides its 'auto' rate by 4 for the same
 * reason. So the step here is η·gain·(∂KL_ρ/∂y)/4 and `alpha` reports η in that convention.
 *
 * Each `EpochStats.actual` is KL(P‖Q) (unexaggerated) at the start of the iteration, split as
 * attractive = Σ p log p − Σ p log w and repulsive = log Z (Barnes–Hut: with the approximate Z).
 * Deterministic: no random numbers are drawn, and every sum runs in a fixed order.
 */
import type { EpochStats, Optimizer } from '../types';
import { tsneAffinities } from './affinities';
import { createDescentState, deltaBarDeltaStep, resetDescentState } from './deltaBarDelta';
import { rescaleLayout } from './rescaleLayout';
import { affinityGradient, createTsneWorkspace, resolveRepulsion } from './tsneGradient';
import { checkTsneLearningRate, checkTsneOptions } from './tsneOptions';
import type { TsneOptimizerOptions } from './types';

export const EARLY_MOMENTUM = 0.5;
export const MAIN_MOMENTUM = 0.8;
/** The step follows ¼ of the KL gradient, the direction η is calibrated for (see above). */
const STEP_SCALE = 1 / 4;

export function createTsneOptimizer(options: TsneOptimizerOptions): Optimizer {
  const o = checkTsneOptions(options);
  const { n } = o.graph;
  const { nEpochs, earlyIterations, theta } = o;
  const affinities = tsneAffinities(o.graph);
  const repulsion = resolveRepulsion(o.repulsion, n);
  const embedding = rescaleLayout(o.layout, n);
  const gradient = new Float64Array(2 * n);
  const work = createTsneWorkspace(n);
  const state = createDescentState(n);
  const edgeSamples = o.graph.rowPtr[n];
  let fixedRate = o.learningRate === 'auto' ? undefined : o.learningRate;
  let epoch = 0;

  const exaggerationAt = (t: number) => (t < earlyIterations ? o.earlyExaggeration : o.exaggeration);
  const learningRateAt = (t: number) => fixedRate ?? n / exaggerationAt(t);

  // A named object rather than a returned literal: the no-op setter of the contrastive losses'
  // parameter (setSpectrum) then type-checks whether or not the Optimizer interface declares it.
  const optimizer = {
    backend: 'typescript' as const,
    threads: 1,
    embedding,
    nEpochs,
    get epoch() {
      return epoch;
    },
    get alpha() {
      return learningRateAt(epoch);
    },
    step(epochs = 1) {
      if (!(Number.isInteger(epochs) && epochs >= 0)) {
        throw new Error(`step needs a whole number of epochs ≥ 0; got ${epochs}`);
      }
      const stats: EpochStats[] = [];
      for (let e = 0; e < epochs && epoch < nEpochs; e++) {
        if (epoch === earlyIterations) resetDescentState(state);
        const momentum = epoch < earlyIterations ? EARLY_MOMENTUM : MAIN_MOMENTUM;
        const { kl } = affinityGradient(
          affinities,
          embedding,
          exaggerationAt(epoch),
          repulsion,
          theta,
          gradient,
          work,
        );
        deltaBarDeltaStep(embedding, gradient, state, STEP_SCALE * learningRateAt(epoch), momentum);
        stats.push({ epoch, actual: kl, edgeSamples, negativeSamples: 0 });
        epoch++;
      }
      return stats;
    },
    setNegativeSampleRate() {
      // t-SNE draws no negative samples: its repulsion covers all pairs.
    },
    setSpectrum() {
      // The spectrum parameter belongs to NEG and InfoNCE; t-SNE's counterpart is ρ, fixed per run.
    },
    setLearningRate(lr: number) {
      checkTsneLearningRate(lr);
      fixedRate = lr;
    },
    dispose() {
      // Nothing beyond memory is held.
    },
  };
  return optimizer;
}
