/**
 * The optimizer's one entry: UMAP's SGD with negative sampling (docs/algorithm.md §1.7, §1.10, §4)
 * on the backend that runs the options here. The options are checked once (validateOptions.ts);
 * the WebAssembly kernel is the production SGD, the TypeScript reference its oracle and fallback.
 */
import { createParallelWasmOptimizer, type ShardAssignment } from './parallelOptimizer';
import { createReferenceOptimizer } from './referenceEpoch';
import type { Optimizer, OptimizerOptions } from './types';
import { checkOptions, kernelCovers } from './validateOptions';
import { createWasmOptimizer } from './wasmOptimizer';

/**
 * An optimizer over `o.graph` (CSR, both directions stored), starting from a copy of `o.layout`:
 * - `threads` > 1: Hogwild epochs of the WebAssembly kernel on helper threads (parallelOptimizer.ts;
 *   umap sampling only, `startHelper` required, not reproducible from the seed);
 * - else the kernel on this thread (wasmOptimizer.ts) where WebAssembly runs and the kernel covers
 *   the options (umap sampling, no logAfter, no per-edge counts), unless `backend` is 'typescript';
 * - else the TypeScript reference (referenceEpoch.ts); `backend: 'wasm'` throws instead.
 * One seed and options on one backend give a bit-identical embedding; the two one-thread backends
 * draw the same random stream and differ only by the rounding of (d²)^b and of the coefficients.
 */
export function createOptimizer(options: OptimizerOptions): Optimizer {
  const o = checkOptions(options);
  if (o.threads > 1) return createParallelWasmOptimizer(o);
  const covered = kernelCovers(o);
  if (o.backend !== 'typescript' && covered) {
    const wasm = createWasmOptimizer(o);
    if (wasm !== undefined) return wasm;
  }
  if (o.backend === 'wasm') {
    throw new Error(
      covered
        ? 'the WebAssembly optimizer could not be instantiated in this runtime'
        : 'the WebAssembly optimizer covers only umap sampling without logAfter or per-edge counts',
    );
  }
  return createReferenceOptimizer(o);
}

/** createOptimizer on `threads` threads (docs/design.md, "Core contract"). */
export function createParallelOptimizer(
  options: OptimizerOptions,
  threads: number,
  startHelper: (assignment: ShardAssignment) => void,
): Optimizer {
  return createOptimizer({ ...options, threads, startHelper });
}
