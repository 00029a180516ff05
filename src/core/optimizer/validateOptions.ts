/**
 * The optimizer's options checked once, with their defaults filled in, for every backend
 * (createOptimizer.ts); and the checks of the live setters (optimizerHandle.ts).
 */
import { UserError } from '../errors';
import { checkObjective, UMAP_OBJECTIVE } from './contrastive/objective';
import type { OptimizerOptions } from './types';

/** The most threads a run may use. */
export const MAX_THREADS = 8;

/** Options as the backends run them: checked, every default filled in. */
export type CheckedOptions = Required<Omit<OptimizerOptions, 'startHelper'>> &
  Pick<OptimizerOptions, 'startHelper'>;

/** Throws for options no backend can run; returns them with their defaults. */
export function checkOptions(o: OptimizerOptions): CheckedOptions {
  const { graph, nEpochs, a, b, seed } = o;
  if (o.layout.length !== 2 * graph.n) {
    throw new Error(
      `the optimizer needs a 2-D layout of ${graph.n} points (${2 * graph.n} values); got ${o.layout.length}`,
    );
  }
  if (!(Number.isInteger(nEpochs) && nEpochs >= 1)) {
    throw new UserError(`The number of epochs must be a whole number of at least 1; got ${nEpochs}.`);
  }
  if (!(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b))) {
    throw new Error(`a and b must be positive, got a = ${a}, b = ${b}`);
  }
  checkNegativeSampleRate(o.m);
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
  const checked: CheckedOptions = {
    ...o,
    learningRate: o.learningRate ?? 1,
    pushNegatives: o.pushNegatives ?? false,
    sampling: o.sampling ?? 'umap',
    objective: o.objective ?? UMAP_OBJECTIVE,
    trackLoss: o.trackLoss ?? true,
    logAfter: o.logAfter ?? false,
    countPerEdge: o.countPerEdge ?? false,
    backend: o.backend ?? 'auto',
    threads: o.threads ?? 1,
  };
  checkLearningRate(checked.learningRate);
  checkObjective(checked.objective);
  if (checked.sampling === 'corrected' && checked.objective.mode !== 'umap') {
    throw new UserError("§7.3's corrected sampling corrects UMAP's loss; choose the UMAP loss for it.");
  }
  checkThreads(checked);
  return checked;
}

/** Whether the WebAssembly kernel implements these options (wasm/optimizer.as.ts). */
export function kernelCovers(o: CheckedOptions): boolean {
  return o.sampling === 'umap' && !o.logAfter && !o.countPerEdge && o.objective.mode !== 'infonce';
}

/** Parallel epochs run the WebAssembly kernel on helper threads the caller starts. */
function checkThreads(o: CheckedOptions): void {
  const { threads } = o;
  if (!(Number.isInteger(threads) && threads >= 1 && threads <= MAX_THREADS)) {
    throw new Error(`threads must be a whole number from 1 to ${MAX_THREADS}; got ${threads}`);
  }
  if (threads === 1) return;
  if (o.sampling === 'corrected') {
    throw new UserError(
      'Parallel epochs run UMAP sampling only; choose one thread for §7.3 corrected sampling.',
    );
  }
  if (o.objective.mode !== 'umap') {
    throw new UserError(
      "Parallel epochs run UMAP's loss only; choose one thread for the contrastive losses.",
    );
  }
  if (!kernelCovers(o)) throw new Error('parallel epochs cover neither logAfter nor per-edge counts');
  if (o.backend === 'typescript') throw new Error('parallel epochs run on the WebAssembly kernel only');
  if (o.startHelper === undefined)
    throw new Error('parallel epochs need startHelper to start helper threads');
}

export function checkNegativeSampleRate(m: number): void {
  if (!(Number.isFinite(m) && m > 0)) {
    throw new UserError(`The negative sample rate m must be a positive number; got ${m}.`);
  }
}

export function checkLearningRate(lr: number): void {
  if (!(Number.isFinite(lr) && lr >= 0)) {
    throw new UserError(`The learning rate must be a number ≥ 0; got ${lr}.`);
  }
}
