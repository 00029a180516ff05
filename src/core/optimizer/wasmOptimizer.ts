/**
 * The optimizer's production backend on one thread: the WebAssembly kernel (wasm/optimizer.as.ts),
 * about 3× faster than the TypeScript reference: a·(d²)^b is a table-driven log2/exp2 instead of
 * Math.exp/Math.log calls, and the chain of dependent head updates has one division per sample
 * instead of three.
 *
 * The graph, the float32 embedding and the float64 edge schedule live in the module's own memory,
 * laid out once (it never grows afterwards, so `embedding` stays a valid view). The host keeps the
 * α schedule and live changes of m (the schedule it rescales is a view of the kernel's memory).
 */
import { optimizerHandle } from './optimizerHandle';
import type { Optimizer } from './types';
import type { CheckedOptions } from './validateOptions';
import {
  instantiateOptimizerKernel,
  kernelLayout,
  kernelRunSettings,
  PAGE_BYTES,
  prepareKernel,
  runKernelEpoch,
  writeKernelRun,
} from './wasmKernel';

/**
 * The optimizer on the WebAssembly kernel, for options checked by createOptimizer that the kernel
 * covers (`kernelCovers`); undefined when the kernel cannot run here. `referencePower` (tests)
 * computes (d²)^b with the host's Math.exp/Math.log, making the run bit-identical to the TypeScript
 * reference.
 */
export function createWasmOptimizer(o: CheckedOptions, referencePower = false): Optimizer | undefined {
  const kernel = instantiateOptimizerKernel();
  if (kernel === undefined) return undefined;
  kernel.setReferencePower(referencePower ? 1 : 0);
  const { n } = o.graph;
  const layout = kernelLayout(kernel.heapBase(), n, o.graph.rowPtr[n]);
  // The memory never grows afterwards, so the views stay valid.
  const { memory } = kernel;
  const missingPages = Math.ceil(layout.end / PAGE_BYTES) - memory.buffer.byteLength / PAGE_BYTES;
  if (missingPages > 0) memory.grow(missingPages);
  const { embedding, schedule } = writeKernelRun(memory.buffer, layout, o);
  prepareKernel(kernel, layout, kernelRunSettings(o));
  const allRows = { begin: 0, end: n };

  return optimizerHandle({
    backend: 'wasm',
    embedding,
    options: o,
    schedule,
    runEpoch: (epoch, alpha, loss) => runKernelEpoch(kernel, allRows, epoch, alpha, loss),
  });
}
