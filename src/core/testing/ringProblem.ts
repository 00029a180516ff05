/**
 * Optimizer problems for the tests, built from the core's own stages (docs/design.md): the paper's
 * ring → exact kNN → fuzzy graph pruned for nEpochs (eq. 3) → (a, b) → initial layout in [0, 10]².
 */
import { paperRing } from '../data';
import { fuzzySimplicialSet, pruneGraph } from '../graph';
import { findAbParams } from '../kernel';
import { type InitKind, initialLayout } from '../layout';
import { nearestNeighbors } from '../neighbors';
import type { OptimizerOptions } from '../optimizer';
import type { Dataset, Graph } from '../types';

export interface RingProblem {
  dataset: Dataset;
  graph: Graph;
  a: number;
  b: number;
  /** n×2 initial layout. */
  layout: Float32Array;
  nEpochs: number;
}

export interface RingProblemOptions {
  /** Points on the ring (default 1000, the paper's Fig. 1b). */
  n?: number;
  /** The ring's seed (default 3, the paper's). */
  seed?: number;
  /** n_neighbors, self included (default 15). */
  k?: number;
  /** The run's length, which prunes the graph (default 500). */
  nEpochs?: number;
  /** Default 'data': the ring itself, min-max scaled. */
  init?: InitKind;
  initSeed?: number;
}

export function ringProblem({
  n = 1000,
  seed = 3,
  k = 15,
  nEpochs = 500,
  init = 'data',
  initSeed = 0,
}: RingProblemOptions = {}): RingProblem {
  const dataset = paperRing({ n, seed });
  const graph = pruneGraph(fuzzySimplicialSet(nearestNeighbors(dataset, k)), nEpochs);
  const { a, b } = findAbParams(1, 0.1);
  const layout = initialLayout(init, dataset, graph, initSeed);
  return { dataset, graph, a, b, layout, nEpochs };
}

/** Optimizer options for the problem: m = 5 and seed 0 unless overridden. */
export function problemOptions(
  problem: RingProblem,
  overrides: Partial<OptimizerOptions> = {},
): OptimizerOptions {
  const { graph, a, b, layout, nEpochs } = problem;
  return { graph, layout, nEpochs, a, b, m: 5, seed: 0, ...overrides };
}
