/** A run: the optimizer on one configuration's artifacts, and what the engine keeps beside it. */

import { similarity } from '../core/kernel';
import { pairSimilarities, similarityHistogram, targetSimilarities } from '../core/losses';
import { ringThickness } from '../core/metrics';
import type { Optimizer } from '../core/optimizer';
import { createObjectiveState, negEstimator, negEstimatorScale } from '../core/optimizer';
import type { Dataset } from '../core/types';
import type { ExplorerConfig, LiveParameter } from './config';
import { createEvaluationBudget, type EvaluationBudget } from './evaluationBudget';
import type { Histograms } from './frame';
import type { Outbox } from './frames';
import { refreshNu } from './lossEvaluation';
import { type PairBox, pairPointsInBox } from './pairViews';
import { RING_COUNT } from './parameters';
import { type Artifacts, objectiveOf, type RunOptimizer } from './pipeline';
import { createRateMeter, type RateMeter } from './timeEstimates';

export interface Run {
  id: number;
  config: ExplorerConfig;
  artifacts: Artifacts;
  optimizer: Optimizer;
  /** Why the optimizer runs on fewer threads than the configuration asks, if it does. */
  threadsMessage?: string;
  budget: EvaluationBudget;
  /** Above the exact-loss limit the losses come from the far-field approximation. */
  approximateLosses: boolean;
  histograms: Histograms;
  inputThickness?: number;
  runInfoSent: boolean;
  epochsPerSecond: number;
  /** ν* of eq. 15 on the stored pairs at the current m, aligned with the graph's values. */
  nuStar: Float32Array;
  /** When ν and the pair views were last computed (ms), to refresh them at most every 250 ms. */
  nuComputedAt: number;
  /** Epochs per second of wall time while running (slices and the gaps between them), smoothed. */
  rate: RateMeter;
  /** When the last slice of epochs ended (ms), to time the next one from there. */
  lastSliceEnd: number;
  /** NEG's or NCE's Z̄ in the latest epoch (EpochStats.normalization), for ν = ξ. */
  normalization?: number;
}

/**
 * The embedding similarity of the loss the run minimises, as a function of d²: UMAP's φ (eq. 4);
 * NEG's and NCE's estimator ξ = 1/(1 + c(1 + d²)), c = m·Z̄/n² (the quantity their targets ν* of
 * eq. 15 are for: the same argument gives ν* = μ/(μ + (dᵢ + dⱼ)m/2n) for ξ); the Cauchy kernel
 * 1/(1 + d²) for InfoNCE and t-SNE.
 */
export function similarityOf(run: Readonly<Run>): (distSquared: number) => number {
  return lossSimilarity(run.config, run.artifacts, run.normalization);
}

/** NEG's or NCE's estimator scale c = m·Z̄/n² for the latest Z̄, or before the first epoch the one it will use. */
function negScale(config: ExplorerConfig, n: number, normalization?: number): number {
  const zBar =
    normalization ??
    createObjectiveState(objectiveOf(config), n).normalization(0, config.epochs, config.m) ??
    (n * n) / config.m;
  return negEstimatorScale(config.m, zBar, n);
}

/** The run's NEG or NCE estimator scale c (lossEvaluation.ts evaluates eq. 6 and eq. 12 with it). */
export function negScaleOf(run: Readonly<Run>): number {
  return negScale(run.config, run.artifacts.dataset.n, run.normalization);
}

/** similarityOf for a configuration, its artifacts and the Z̄ of NEG's or NCE's latest epoch. */
export function lossSimilarity(
  config: ExplorerConfig,
  artifacts: Pick<Artifacts, 'a' | 'b' | 'dataset'>,
  normalization?: number,
): (distSquared: number) => number {
  const { a, b } = artifacts;
  switch (config.loss) {
    case 'umap':
      return (distSquared) => similarity(distSquared, a, b);
    case 'neg':
    case 'nce': {
      const { n } = artifacts.dataset;
      const c = negScale(config, n, normalization);
      return (distSquared) => negEstimator(distSquared, c);
    }
    default:
      return (distSquared) => 1 / (1 + distSquared);
  }
}

/** Points of ring 0 (Fig. 1c shows only that ring of the 20); null for the datasets without rings. */
export function ringPoints(
  dataset: Dataset,
  embedding: Float32Array,
  config: ExplorerConfig,
): Float32Array | null {
  if (config.dataset === 'ring') return embedding;
  if (config.dataset === 'rings') return embedding.subarray(0, (2 * dataset.n) / RING_COUNT);
  return null;
}

export interface RunSettings {
  /** At most this share of worker time goes to loss evaluation (docs/design.md, "Evaluation budget"). */
  evaluationShare: number;
  /** Exact O(n²) losses up to this n; above, the far-field approximation. */
  maxExactLossPoints: number;
}

/** A new run `id` of `config` from the optimizer stage's result, before its first epoch. */
export function createRun(
  id: number,
  config: ExplorerConfig,
  artifacts: Artifacts,
  { optimizer, threadsMessage }: RunOptimizer,
  settings: RunSettings,
): Run {
  const points = ringPoints(artifacts.dataset, artifacts.dataset.points, config);
  const nuStar = targetSimilarities(artifacts.graph, config.m);
  return {
    id,
    config,
    artifacts,
    optimizer,
    threadsMessage,
    budget: createEvaluationBudget(settings.evaluationShare, config.epochs),
    approximateLosses: artifacts.dataset.n > settings.maxExactLossPoints,
    histograms: {
      mu: similarityHistogram(artifacts.graph.values),
      nuStar: similarityHistogram(nuStar),
      nu: null,
      nuEpoch: 0,
      pairs: null,
    },
    inputThickness: points && artifacts.dataset.dim === 2 ? ringThickness(points) : undefined,
    runInfoSent: false,
    epochsPerSecond: 0,
    nuStar,
    nuComputedAt: Number.NEGATIVE_INFINITY,
    rate: createRateMeter(),
    lastSliceEnd: Number.NEGATIVE_INFINITY,
  };
}

/**
 * How each live parameter reaches the running optimizer (registry effect 'live'): typed over
 * LiveParameter, so a new live entry in the registry does not compile until it is applied here.
 */
const applyLiveParameter: {
  [K in LiveParameter]: (run: Run, next: ExplorerConfig, outbox: Outbox, now: () => number) => void;
} = {
  // m: the negative-sample schedule, ν* of eq. 15 and its histogram, the pair views at once.
  m(run, next, outbox, now) {
    run.optimizer.setNegativeSampleRate(next.m);
    run.nuStar = targetSimilarities(run.artifacts.graph, next.m);
    run.histograms = { ...run.histograms, nuStar: similarityHistogram(run.nuStar) };
    outbox.histograms = true;
    // The pair views compare ν with the new ν*: refresh them now rather than at the next tick.
    if (run.histograms.pairs) refreshNu(run, outbox, now, true);
  },
  learningRate(run, next) {
    run.optimizer.setLearningRate(next.learningRate);
  },
  // s: NEG's Z̄(s) or InfoNCE's τ(s) from the next epoch on (a no-op for the other losses).
  spectrum(run, next) {
    run.optimizer.setSpectrum(next.spectrum);
  },
};

/** The live parameters of `next` applied to the running optimizer. */
export function applyLive(
  run: Run,
  next: ExplorerConfig,
  live: LiveParameter[],
  outbox: Outbox,
  now: () => number,
) {
  for (const name of live) applyLiveParameter[name](run, next, outbox, now);
  run.config = next;
}

/**
 * Brushing a pair view: the sorted, distinct points i and j of every stored pair whose (x, y) lies
 * in `box` (bounds included), x = ν* (view 'target') or μ (view 'mu'), y = ν of the current embedding.
 */
export function pairPointsOf(run: Run, view: 'target' | 'mu', box: PairBox): Int32Array {
  const { artifacts, optimizer } = run;
  const nu = pairSimilarities(artifacts.graph, optimizer.embedding, similarityOf(run));
  const x = view === 'target' ? run.nuStar : artifacts.graph.values;
  return pairPointsInBox(artifacts.graph, x, nu, box);
}
