/**
 * The optimizer's WebAssembly backend: the epoch loop of optimizer.ts compiled from
 * wasm/optimizer.as.ts (AssemblyScript), about 3× faster than the TypeScript loop: a·(d²)^b is a
 * table-driven log2/exp2 instead of Math.exp/Math.log calls, and the chain of dependent head updates
 * has one division per sample instead of three.
 *
 * The graph, the float32 embedding and the float64 edge schedule live in the module's own memory,
 * laid out once (it never grows afterwards, so `embedding` stays a valid view). The host keeps the
 * α schedule and live changes of m (rescaleNegativeSamples on views of the same memory). The random
 * stream is createUint32Source(seed)'s, drawn with uniformIntFrom's rejection rule, so the
 * embedding equals the TypeScript path's up to the rounding of (d²)^b and of the coefficients.
 *
 * Covers: sampling 'umap', pushNegatives on or off, trackLoss on or off, no logAfter, no
 * countPerEdge. Everything else (§7.3 corrected sampling, logAfter, per-edge counters) runs in
 * TypeScript.
 */
import type { EpochStats, Optimizer, OptimizerOptions } from './optimizer';
import { optimizerHandle } from './optimizerHandle';
import { PAPER_LOG_EPS, paperLog } from './paperLog';
import { createEdgeSchedule, rescaleNegativeSamples } from './sampling';
import { optimizerWasmBase64 } from './wasm/optimizerWasm.gen';

/** The kernel's exports (wasm/optimizer.as.ts); pointers are byte offsets into `memory`. */
export interface OptimizerKernel {
  memory: WebAssembly.Memory;
  seed(low: number, high: number): void;
  nextUint32(): number;
  log2(x: number): number;
  exp2(y: number): number;
  heapBase(): number;
  setReferencePower(on: number): void;
  setLossTracking(on: number, eps: number, diagonal: number): void;
  edgeSamples(): number;
  negativeSamples(): number;
  attractiveLoss(): number;
  repulsiveLoss(): number;
  runEpoch(
    n: number,
    rowPtr: number,
    cols: number,
    positions: number,
    sampleEvery: number,
    nextSample: number,
    negativeEvery: number,
    nextNegative: number,
    lastSampled: number,
    epoch: number,
    alpha: number,
    a: number,
    b: number,
    pushNegatives: number,
  ): void;
}

const TWO_POW_32 = 4294967296;
const PAGE_BYTES = 65536;

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * A fresh instance of the kernel, or undefined where WebAssembly is missing or rejects the module
 * (`WebAssembly.validate`), in which case callers use the TypeScript path.
 */
export function instantiateOptimizerKernel(): OptimizerKernel | undefined {
  if (typeof WebAssembly !== 'object') return undefined;
  const bytes = decodeBase64(optimizerWasmBase64);
  if (!WebAssembly.validate(bytes)) return undefined;
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    env: {
      // Used only by setReferencePower (tests): the TypeScript path's own transcendentals.
      log: Math.log,
      exp: Math.exp,
      abort: () => {
        throw new Error('the optimizer kernel aborted');
      },
    },
  });
  return instance.exports as unknown as OptimizerKernel;
}

/** Whether the WebAssembly kernel implements these options (see the file comment). */
export function wasmCoversOptions(o: OptimizerOptions): boolean {
  return (o.sampling ?? 'umap') === 'umap' && !(o.logAfter ?? false) && !(o.countPerEdge ?? false);
}

/**
 * The optimizer on the WebAssembly kernel, for options already validated by createOptimizer and
 * covered (`wasmCoversOptions`); undefined when the kernel cannot run here. `referencePower`
 * (tests) computes (d²)^b with the host's Math.exp/Math.log, making the run bit-identical to the
 * TypeScript path.
 */
export function createWasmOptimizer(o: OptimizerOptions, referencePower = false): Optimizer | undefined {
  const kernel = instantiateOptimizerKernel();
  if (kernel === undefined) return undefined;
  kernel.setReferencePower(referencePower ? 1 : 0);
  kernel.setLossTracking((o.trackLoss ?? true) ? 1 : 0, PAPER_LOG_EPS, -paperLog(0));
  const { graph, nEpochs, a, b } = o;
  const { n } = graph;
  const nnz = graph.rowPtr[n];

  // Layout: float32 positions, int32 rowPtr/cols/lastSampled, then the float64 schedule, 8-aligned.
  const align8 = (offset: number): number => Math.ceil(offset / 8) * 8;
  const positionsAt = align8(kernel.heapBase());
  const rowPtrAt = positionsAt + 8 * n;
  const colsAt = rowPtrAt + 4 * (n + 1);
  const lastSampledAt = colsAt + 4 * nnz;
  const sampleEveryAt = align8(lastSampledAt + 4 * nnz);
  const nextSampleAt = sampleEveryAt + 8 * nnz;
  const negativeEveryAt = nextSampleAt + 8 * nnz;
  const nextNegativeAt = negativeEveryAt + 8 * nnz;
  const end = nextNegativeAt + 8 * nnz;
  const { memory } = kernel;
  const missingPages = Math.ceil(end / PAGE_BYTES) - memory.buffer.byteLength / PAGE_BYTES;
  if (missingPages > 0) memory.grow(missingPages);
  const buffer = memory.buffer;

  const embedding = new Float32Array(buffer, positionsAt, 2 * n);
  embedding.set(o.layout);
  new Int32Array(buffer, rowPtrAt, n + 1).set(graph.rowPtr);
  new Int32Array(buffer, colsAt, nnz).set(graph.cols);
  const m = o.m;
  const fresh = createEdgeSchedule(graph, m);
  const schedule = {
    sampleEvery: new Float64Array(buffer, sampleEveryAt, nnz),
    nextSample: new Float64Array(buffer, nextSampleAt, nnz),
    negativeEvery: new Float64Array(buffer, negativeEveryAt, nnz),
    nextNegative: new Float64Array(buffer, nextNegativeAt, nnz),
    lastSampled: new Int32Array(buffer, lastSampledAt, nnz),
  };
  schedule.sampleEvery.set(fresh.sampleEvery);
  schedule.nextSample.set(fresh.nextSample);
  schedule.negativeEvery.set(fresh.negativeEvery);
  schedule.nextNegative.set(fresh.nextNegative);
  schedule.lastSampled.set(fresh.lastSampled);

  // createUint32Source's seeding: the integer part of the seed, split into two 32-bit halves.
  const whole = Math.trunc(o.seed);
  kernel.seed(whole >>> 0, Math.floor(whole / TWO_POW_32) >>> 0);

  const pushNegatives = o.pushNegatives ? 1 : 0;
  const runEpoch = (epoch: number, alpha: number): EpochStats => {
    kernel.runEpoch(
      n,
      rowPtrAt,
      colsAt,
      positionsAt,
      sampleEveryAt,
      nextSampleAt,
      negativeEveryAt,
      nextNegativeAt,
      lastSampledAt,
      epoch,
      alpha,
      a,
      b,
      pushNegatives,
    );
    const attractive = kernel.attractiveLoss();
    const repulsive = kernel.repulsiveLoss();
    return {
      epoch,
      actual: { attractive, repulsive, total: attractive + repulsive },
      edgeSamples: kernel.edgeSamples(),
      negativeSamples: kernel.negativeSamples(),
    };
  };

  return optimizerHandle({
    backend: 'wasm',
    embedding,
    nEpochs,
    learningRate: o.learningRate ?? 1,
    m: o.m,
    runEpoch,
    changeNegativeSampleRate: (from: number, to: number) => rescaleNegativeSamples(schedule, from, to),
  });
}
