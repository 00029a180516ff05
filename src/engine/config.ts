import type { SimilarityMode } from '../core/graph';
import type { InitKind } from '../core/layout';
import type { SamplingMode } from '../core/pipeline';
import type { Metric } from '../core/types';

export type DatasetKind = 'ring' | 'rings' | 'square' | 'blobs' | 'mnist' | 'csv';

/** Everything that defines a run: what the controls show and the URL carries (docs/design.md, "URL"). */
export interface ExplorerConfig {
  dataset: DatasetKind;
  /** Total number of points (for 'rings': 20 rings of n/20 points). Ignored for a loaded CSV. */
  n: number;
  /** Seeds the generated dataset and, through deriveSeed, the initial layout and the optimizer. */
  seed: number;
  k: number;
  metric: Metric;
  similarity: SimilarityMode;
  init: InitKind;
  epochs: number;
  m: number;
  learningRate: number;
  minDist: number;
  pushNegatives: boolean;
  sampling: SamplingMode;
  /**
   * Threads sharing each epoch: 1 (default, reproducible from the seed) or more for Hogwild-style
   * parallel epochs (core/optimizer/parallelOptimizer.ts), which are not reproducible.
   */
  threads: number;
}

/** Whether two configurations ask for the same run (field by field; every field is a primitive). */
export function sameConfig(a: ExplorerConfig, b: ExplorerConfig): boolean {
  return (Object.keys(a) as (keyof ExplorerConfig)[]).every((key) => a[key] === b[key]);
}

/** Fig. 1b's setting: the paper ring, data init, umap-learn's defaults otherwise. */
export const defaultConfig: ExplorerConfig = {
  dataset: 'ring',
  n: 1000,
  seed: 3,
  k: 15,
  metric: 'euclidean',
  similarity: 'umap',
  init: 'data',
  epochs: 500,
  m: 5,
  learningRate: 1,
  minDist: 0.1,
  pushNegatives: false,
  sampling: 'umap',
  threads: 1,
};

/** The pipeline's stages in order (docs/design.md, "Staged pipeline and caching"). */
export type Stage = 'dataset' | 'knn' | 'graph' | 'init' | 'optimizer';
export const stages: readonly Stage[] = ['dataset', 'knn', 'graph', 'init', 'optimizer'];

/** Parameters the running optimizer takes without a restart. */
export type LiveParameter = 'm' | 'learningRate';

/**
 * The inputs of each stage, as a string key: a stage is rebuilt exactly when its key changes.
 * Each key includes the previous stage's key, so a change propagates downstream. `datasetId`
 * identifies a loaded CSV (its content hash); generated datasets are identified by their parameters.
 */
export function stageKeys(config: ExplorerConfig, datasetId = ''): Record<Stage, string> {
  const dataset =
    config.dataset === 'csv'
      ? `csv:${datasetId}`
      : config.dataset === 'mnist'
        ? `mnist:${config.n}`
        : `${config.dataset}:${config.n}:${config.seed}`;
  const knn = `${dataset}|${config.metric}`;
  // min_dist shapes the kernel, which the dense similarities (Fig. 1d) use.
  const kernel = config.similarity === 'dense' ? `|md${config.minDist}` : '';
  const graph = `${knn}|k${config.k}|${config.similarity}|e${config.epochs}${kernel}`;
  const init = `${graph}|${config.init}|s${config.seed}`;
  const optimizer = `${init}|md${config.minDist}|${config.pushNegatives}|${config.sampling}|t${config.threads}`;
  return { dataset, knn, graph, init, optimizer };
}

export interface ChangePlan {
  /** Stages to rebuild, in pipeline order; empty when the change applies live. */
  rebuild: Stage[];
  /** Live parameters whose value changed. */
  live: LiveParameter[];
}

export function planChange(
  previous: ExplorerConfig | null,
  next: ExplorerConfig,
  previousDatasetId = '',
  nextDatasetId = previousDatasetId,
): ChangePlan {
  if (!previous) return { rebuild: [...stages], live: [] };
  const before = stageKeys(previous, previousDatasetId);
  const after = stageKeys(next, nextDatasetId);
  const rebuild = stages.filter((stage) => before[stage] !== after[stage]);
  const live: LiveParameter[] = [];
  if (previous.m !== next.m) live.push('m');
  if (previous.learningRate !== next.learningRate) live.push('learningRate');
  return { rebuild, live };
}
