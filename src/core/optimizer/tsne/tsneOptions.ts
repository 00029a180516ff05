/** The t-SNE optimizer's options checked once, with their defaults (tsneOptimizer.ts). */
import { UserError } from '../../errors';
import { checkTheta, TSNE_DEFAULT_THETA } from './tsneGradient';
import type { TsneOptimizerOptions } from './types';

/** The least exaggeration ρ accepted (below it the attraction all but vanishes). */
export const MIN_EXAGGERATION = 0.1;
/** Early exaggeration of openTSNE and FIt-SNE. */
export const DEFAULT_EARLY_EXAGGERATION = 12;
/** Early iterations of openTSNE and FIt-SNE, capped at a third of the run. */
export const DEFAULT_EARLY_ITERATIONS = 250;

export type CheckedTsneOptions = Required<TsneOptimizerOptions>;

export function checkExaggeration(name: string, rho: number): void {
  if (!(Number.isFinite(rho) && rho >= MIN_EXAGGERATION)) {
    throw new UserError(`The ${name} must be a number ≥ ${MIN_EXAGGERATION}; got ${rho}.`);
  }
}

/** η must be finite and ≥ 0 (0 freezes the layout), as the UMAP optimizers' learning rate. */
export function checkTsneLearningRate(lr: number): void {
  if (!(Number.isFinite(lr) && lr >= 0)) {
    throw new UserError(`The learning rate must be a number ≥ 0 or 'auto'; got ${lr}.`);
  }
}

export function checkTsneOptions(o: TsneOptimizerOptions): CheckedTsneOptions {
  const { graph, nEpochs, seed } = o;
  if (o.layout.length !== 2 * graph.n) {
    throw new Error(
      `t-SNE needs a 2-D layout of ${graph.n} points (${2 * graph.n} values); got ${o.layout.length}`,
    );
  }
  if (graph.n < 2) throw new UserError(`t-SNE needs at least 2 points; got ${graph.n}.`);
  if (!(Number.isInteger(nEpochs) && nEpochs >= 1)) {
    throw new UserError(`The number of iterations must be a whole number of at least 1; got ${nEpochs}.`);
  }
  checkExaggeration('exaggeration ρ', o.exaggeration);
  const earlyExaggeration = o.earlyExaggeration ?? DEFAULT_EARLY_EXAGGERATION;
  checkExaggeration('early exaggeration', earlyExaggeration);
  const earlyIterations = o.earlyIterations ?? Math.min(DEFAULT_EARLY_ITERATIONS, Math.floor(nEpochs / 3));
  if (!(Number.isInteger(earlyIterations) && earlyIterations >= 0 && earlyIterations <= nEpochs)) {
    throw new UserError(
      `The early-exaggeration iterations must be a whole number from 0 to ${nEpochs}; got ${earlyIterations}.`,
    );
  }
  const learningRate = o.learningRate ?? 'auto';
  if (learningRate !== 'auto') checkTsneLearningRate(learningRate);
  const repulsion = o.repulsion ?? 'auto';
  if (repulsion !== 'auto' && repulsion !== 'exact' && repulsion !== 'barnes-hut') {
    throw new Error(`unknown repulsion method: ${repulsion}`);
  }
  const theta = o.theta ?? TSNE_DEFAULT_THETA;
  checkTheta(theta);
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
  return { ...o, earlyExaggeration, earlyIterations, learningRate, repulsion, theta };
}
