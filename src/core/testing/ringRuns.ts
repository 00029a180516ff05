/** The paper ring (Fig. 1b) and the optimizer on it, shared by the optimizer's tests. */
import { createOptimizer, type EpochStats, type Optimizer, type OptimizerOptions } from '../optimizer';
import { problemOptions, ringProblem } from './ringProblem';

/** The seed-3 paper ring: n = 1000, k = 15, 500 epochs, init = data. */
export const paperRingProblem = ringProblem();

/**
 * The TypeScript reference on the paper ring, seed 1 and m = 5 unless overridden: the optimizer of
 * the tests about semantics (agreement.test.ts holds the WebAssembly kernel to it).
 */
export function referenceRingOptimizer(overrides: Partial<OptimizerOptions> = {}): Optimizer {
  return createOptimizer(problemOptions(paperRingProblem, { seed: 1, backend: 'typescript', ...overrides }));
}

/** A count of the epochs' samples, summed. */
export function totalOf(
  stats: EpochStats[],
  key: 'edgeSamples' | 'negativeSamples' | 'correctedSamples',
): number {
  return stats.reduce((total, s) => total + (s[key] ?? 0), 0);
}
