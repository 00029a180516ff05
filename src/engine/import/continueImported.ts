/**
 * "Continue from it" (issue 17): our optimizer run on their graph μ, starting at their layout, with
 * UMAP's sampling, the paper's corrected sampling (§7.3) or Neg-t-SNE on the spectrum, so the audit
 * can show where each loss takes their picture. One thread, reproducible from the seed; between
 * slices of epochs it pauses (the worker answers calls) and may be cancelled.
 */
import { findAbParams } from '../../core/kernel';
import { createOptimizer, type Objective, UMAP_OBJECTIVE } from '../../core/optimizer';
import type { Graph } from '../../core/types';
import { type SliceLoop, stepInSlices } from '../multiSeed';

export type ContinueMethod = 'umap' | 'corrected' | 'neg';

export interface ContinueSettings {
  method: ContinueMethod;
  /** The spectrum parameter of 'neg'. */
  s: number;
  epochs: number;
  m: number;
  minDist: number;
  learningRate: number;
  seed: number;
}

const SLICE_EPOCHS = 10;

/** Their layout after `settings.epochs` epochs of the method; null when cancelled. */
export async function continueImported(
  graph: Graph,
  layout: Float32Array,
  settings: ContinueSettings,
  loop: SliceLoop,
): Promise<Float32Array | null> {
  const { a, b } = findAbParams(1, settings.minDist);
  const objective: Objective =
    settings.method === 'neg'
      ? { mode: 'neg', s: settings.s, normalization: 'spectrum', earlyPhase: false }
      : UMAP_OBJECTIVE;
  const optimizer = createOptimizer({
    graph,
    layout,
    nEpochs: settings.epochs,
    a,
    b,
    m: settings.m,
    learningRate: settings.learningRate,
    sampling: settings.method === 'corrected' ? 'corrected' : 'umap',
    objective,
    seed: settings.seed,
  });
  try {
    const finished = await stepInSlices(optimizer, SLICE_EPOCHS, loop);
    return finished ? optimizer.embedding.slice() : null;
  } finally {
    optimizer.dispose();
  }
}
