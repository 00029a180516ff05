import type { LossParts } from '../core/types';

export type { LossParts };

import type { ExplorerConfig, LiveParameter, Stage } from './config';

/** 'empty': no run exists yet (the first configuration failed or is still building). */
export type RunStatus = 'empty' | 'building' | 'running' | 'paused' | 'done';

/** The answer to a configuration change: whether it applied live or restarted the run. */
export interface ChangeReport {
  applied: 'live' | 'restart' | 'none';
  rebuild: Stage[];
  live: LiveParameter[];
  runId: number;
  /**
   * The change in plain words, from the configuration difference (changeSummary.ts): e.g. "k changed:
   * rebuilding the graph", "m applied live", "no change".
   */
  summary: string;
}

/** Sent once per run: what does not change while the optimizer runs. */
export interface RunInfo {
  datasetName: string;
  n: number;
  dim: number;
  hue?: Float32Array;
  labels?: Int32Array;
  labelNames?: string[];
  /**
   * Label classes of a labelled dataset: 1 + the largest label, at least as many as the names.
   * Counted here in the worker, so the UI does not scan n labels as a run's first frame arrives.
   */
  labelCount?: number;
  /** Undirected edges of the input graph μ. */
  edgeCount: number;
  meanDegree: number;
  /** Ring thickness of the input (ring datasets only), the reference for the contraction ratio. */
  inputThickness?: number;
  /** Degree of each point, for the tooltip. */
  degrees: Float32Array;
  /** Threads running each epoch (more than 1: parallel epochs, not reproducible from the seed). */
  threads: number;
  message?: string;
}

export interface EvaluatedLosses {
  epoch: number;
  purported: LossParts;
  effective: LossParts;
}

export interface Histograms {
  /** 100 bins on [0, 1] over the stored pairs (numpy's convention: 1.0 in the last bin). */
  mu: Float64Array;
  nuStar: Float64Array;
  /** ν of the current embedding; null before the first evaluation. */
  nu: Float64Array | null;
  /** Epoch of the embedding ν was computed on. */
  nuEpoch: number;
  /**
   * ν pair by pair against ν* and μ, on the same stored pairs and the same embedding as `nu`; null
   * (the engine always sets it) when ν is not available yet. Optional only so that histograms
   * made outside the engine (exports, tests) need not carry it.
   */
  pairs?: PairViews | null;
}

/**
 * Per-pair views of the stored pairs (pairViews.ts): what ν reproduces, ν* or μ (paper §6, Fig. 4).
 * ν* is eq. 15 under either sampling, as in the ν* histogram; under §7.3's corrected sampling the
 * optimizer aims at μ instead, and the numbers show it (mean |ν − μ| below mean |ν − ν*|).
 */
export interface PairViews {
  /** Bins per axis of both 2-D histograms over [0, 1] × [0, 1]. */
  bins: number; // 40
  /** Counts, row-major [yBin * bins + xBin]: x = ν* (eq. 15), y = ν of the current embedding. */
  nuVsTarget: Uint32Array;
  /** Counts: x = μ, y = ν. */
  nuVsMu: Uint32Array;
  /** Mean over the pairs of |ν − ν*| and of |ν − μ|: "ν reproduces ν*, not μ" as numbers. */
  meanAbsNuMinusTarget: number;
  meanAbsNuMinusMu: number;
  /** Share of pairs whose ν is nearer ν* than μ. */
  nearerTarget: number;
}

export interface ActualLoss {
  epoch: number;
  actual: LossParts;
}

/** Progress of a build stage or of the multi-seed runs. */
export interface StageProgressReport {
  stage: Stage | 'seeds' | 'csv';
  fraction: number;
  remainingSeconds?: number;
}

/** What the UI renders. Loss histories arrive as increments since the previous frame. */
export interface Frame {
  runId: number;
  version: number;
  status: RunStatus;
  /** The configuration in effect (a rejected change leaves the previous one). */
  config: ExplorerConfig;
  /** Epochs run so far. */
  epoch: number;
  nEpochs: number;
  /** α of the next epoch. */
  learningRate: number;
  embedding: Float32Array;
  /** FNV-1a of the embedding's bytes: equal for bit-identical runs (shared links, tests). */
  embeddingHash: string;
  runInfo?: RunInfo;
  actual: ActualLoss[];
  evaluations: EvaluatedLosses[];
  /** Purported/effective losses are evaluated every `cadence` epochs. */
  cadence: number;
  /** Share of worker time spent on loss evaluation so far. */
  evaluationShare: number;
  /** Why losses are not evaluated, if they are not. */
  evaluationNote?: string;
  histograms?: Histograms;
  thickness?: number;
  /**
   * Ring datasets only: the arcs the embedded ring (ring 0 of 'rings') is torn into, 1 for an intact
   * ring (core/metrics/metrics.ts `ringArcs`); the thickness means something only when this is 1.
   */
  ringArcs?: number;
  epochsPerSecond: number;
  /** While running: the epochs still to run over the smoothed measured epochs per second. */
  remainingSeconds?: number;
  /**
   * A long stage or the multi-seed runs; `remainingSeconds` from the stage's elapsed time and
   * fraction, once fraction ≥ 0.05 and 0.5 s have passed.
   */
  progress?: StageProgressReport;
  /** A message for the user about the last change, e.g. a rejected value. */
  error?: string;
}
