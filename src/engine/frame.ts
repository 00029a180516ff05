import type { LossParts } from '../core/types';
import type { ExplorerConfig, LiveParameter, Stage } from './config';

/** 'empty': no run exists yet (the first configuration failed or is still building). */
export type RunStatus = 'empty' | 'building' | 'running' | 'paused' | 'done';

/** The answer to a configuration change: whether it applied live or restarted the run. */
export interface ChangeReport {
  applied: 'live' | 'restart' | 'none';
  rebuild: Stage[];
  live: LiveParameter[];
  runId: number;
}

/** Sent once per run: what does not change while the optimizer runs. */
export interface RunInfo {
  datasetName: string;
  n: number;
  dim: number;
  hue?: Float32Array;
  labels?: Int32Array;
  labelNames?: string[];
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
}

export interface ActualLoss {
  epoch: number;
  actual: LossParts;
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
  epochsPerSecond: number;
  progress?: { stage: Stage | 'seeds'; fraction: number };
  /** A message for the user about the last change, e.g. a rejected value. */
  error?: string;
  notice?: string;
}
