/**
 * The host side of the WebAssembly kernel (wasm/optimizer.as.ts), shared by the one-thread backend
 * (wasmOptimizer.ts) and parallel epochs (parallelOptimizer.ts): loading the compiled module, laying
 * a run out in kernel memory, handing the kernel the update rule's constants, running an epoch.
 *
 * The random stream is createUint32Source(seed)'s, drawn with uniformIntFrom's rejection rule, so
 * the kernel's embedding equals the TypeScript reference's up to the rounding of (d²)^b and of the
 * coefficients (bit for bit in the kernel's reference mode).
 */

import { PAPER_LOG_EPS, paperLog } from '../losses/paperLog';
import { GRADIENT_CLIP, REPULSION_OFFSET } from './gradients';
import type { EpochLoss, EpochResult } from './optimizerHandle';
import { createEdgeSchedule, type EdgeSchedule } from './sampling';
import type { CheckedOptions } from './validateOptions';
import { optimizerWasmBase64, sharedOptimizerWasmBase64 } from './wasm/optimizerWasm.gen';

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
  setRun(
    n: number,
    rowPtr: number,
    cols: number,
    positions: number,
    sampleEvery: number,
    nextSample: number,
    negativeEvery: number,
    nextNegative: number,
    lastSampled: number,
    pushNegatives: number,
  ): void;
  setUpdateRule(a: number, b: number, clip: number, offset: number): void;
  setNegEstimator(on: number, c: number, learn: number): void;
  scaleGradient(): number;
  runEpoch(rowBegin: number, rowEnd: number, epoch: number, alpha: number): void;
}

const TWO_POW_32 = 4294967296;
/** Bytes in a WebAssembly memory page. */
export const PAGE_BYTES = 65536;

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The compiled kernels, compiled once per thread (a module is only code: instances share it). */
let ownMemoryModule: WebAssembly.Module | null | undefined;
let sharedMemoryModule: WebAssembly.Module | undefined;

/**
 * The kernel with its own memory (one thread), or null where this runtime rejects it
 * (`WebAssembly.validate`). Compiled once, so each new run starts on code V8 has already optimised.
 */
function ownMemoryOptimizerModule(): WebAssembly.Module | null {
  if (ownMemoryModule === undefined) {
    const bytes = decodeBase64(optimizerWasmBase64);
    ownMemoryModule = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  }
  return ownMemoryModule;
}

/**
 * The compiled module of the shared-memory build, handed to helper threads with their shard: V8
 * shares a module's machine code across workers, so a helper starts on the already optimised code
 * instead of compiling (and tiering up) its own.
 */
export function sharedOptimizerModule(): WebAssembly.Module {
  sharedMemoryModule ??= new WebAssembly.Module(decodeBase64(sharedOptimizerWasmBase64));
  return sharedMemoryModule;
}

/**
 * A fresh instance of the kernel, or undefined where WebAssembly is missing or rejects the module,
 * in which case callers use the TypeScript path. Given a shared memory, the instance runs on it
 * (the build that imports its memory; parallelOptimizer.ts), from `module` when given.
 */
export function instantiateOptimizerKernel(
  sharedMemory?: WebAssembly.Memory,
  module?: WebAssembly.Module,
): OptimizerKernel | undefined {
  if (typeof WebAssembly !== 'object') return undefined;
  const compiled = module ?? (sharedMemory ? sharedOptimizerModule() : ownMemoryOptimizerModule());
  if (compiled === null) return undefined;
  const instance = new WebAssembly.Instance(compiled, {
    env: {
      // Used only by setReferencePower (tests): the TypeScript path's own transcendentals.
      log: Math.log,
      exp: Math.exp,
      abort: () => {
        throw new Error('the optimizer kernel aborted');
      },
      ...(sharedMemory ? { memory: sharedMemory } : {}),
    },
  });
  // The shared build re-exports the memory it imports, so `memory` is the shared one there.
  return instance.exports as unknown as OptimizerKernel;
}

/** Byte offsets of a run's arrays in kernel memory, from `start` on; `end` is the first free byte. */
export interface KernelLayout {
  n: number;
  nnz: number;
  positions: number;
  rowPtr: number;
  cols: number;
  lastSampled: number;
  sampleEvery: number;
  nextSample: number;
  negativeEvery: number;
  nextNegative: number;
  end: number;
}

/** Float32 positions, int32 rowPtr/cols/lastSampled, then the float64 schedule, 8-aligned. */
export function kernelLayout(start: number, n: number, nnz: number): KernelLayout {
  const align8 = (offset: number): number => Math.ceil(offset / 8) * 8;
  const positions = align8(start);
  const rowPtr = positions + 8 * n;
  const cols = rowPtr + 4 * (n + 1);
  const lastSampled = cols + 4 * nnz;
  const sampleEvery = align8(lastSampled + 4 * nnz);
  const nextSample = sampleEvery + 8 * nnz;
  const negativeEvery = nextSample + 8 * nnz;
  const nextNegative = negativeEvery + 8 * nnz;
  const end = nextNegative + 8 * nnz;
  return {
    n,
    nnz,
    positions,
    rowPtr,
    cols,
    lastSampled,
    sampleEvery,
    nextSample,
    negativeEvery,
    nextNegative,
    end,
  };
}

/** What the host keeps of a run laid out in kernel memory: views on the same bytes. */
export interface KernelRunState {
  embedding: Float32Array;
  schedule: EdgeSchedule;
}

/** Copies the graph, the initial layout and a fresh edge schedule for `o.m` into `buffer`. */
export function writeKernelRun(
  buffer: ArrayBufferLike,
  layout: KernelLayout,
  o: CheckedOptions,
): KernelRunState {
  const { graph } = o;
  const { n, nnz } = layout;
  const state: KernelRunState = {
    embedding: new Float32Array(buffer, layout.positions, 2 * n),
    schedule: {
      sampleEvery: new Float64Array(buffer, layout.sampleEvery, nnz),
      nextSample: new Float64Array(buffer, layout.nextSample, nnz),
      negativeEvery: new Float64Array(buffer, layout.negativeEvery, nnz),
      nextNegative: new Float64Array(buffer, layout.nextNegative, nnz),
      lastSampled: new Int32Array(buffer, layout.lastSampled, nnz),
    },
  };
  state.embedding.set(o.layout);
  new Int32Array(buffer, layout.rowPtr, n + 1).set(graph.rowPtr);
  new Int32Array(buffer, layout.cols, nnz).set(graph.cols);
  const fresh = createEdgeSchedule(graph, o.m);
  const { schedule } = state;
  schedule.sampleEvery.set(fresh.sampleEvery);
  schedule.nextSample.set(fresh.nextSample);
  schedule.negativeEvery.set(fresh.negativeEvery);
  schedule.nextNegative.set(fresh.nextNegative);
  schedule.lastSampled.set(fresh.lastSampled);
  return state;
}

/** What a kernel instance needs of a run besides its arrays. */
export interface KernelRunSettings {
  a: number;
  b: number;
  pushNegatives: boolean;
  trackLoss: boolean;
  /** This instance's random stream: createUint32Source's seeding. */
  seed: number;
}

/** The kernel settings of checked optimizer options. */
export function kernelRunSettings(o: CheckedOptions): KernelRunSettings {
  const { a, b, pushNegatives, trackLoss, seed } = o;
  return { a, b, pushNegatives, trackLoss, seed };
}

/** Points a kernel instance at a run laid out in its memory (`writeKernelRun`, possibly by another instance). */
export function prepareKernel(kernel: OptimizerKernel, layout: KernelLayout, run: KernelRunSettings): void {
  kernel.setRun(
    layout.n,
    layout.rowPtr,
    layout.cols,
    layout.positions,
    layout.sampleEvery,
    layout.nextSample,
    layout.negativeEvery,
    layout.nextNegative,
    layout.lastSampled,
    run.pushNegatives ? 1 : 0,
  );
  kernel.setUpdateRule(run.a, run.b, GRADIENT_CLIP, REPULSION_OFFSET);
  // The integer part of the seed, split into two 32-bit halves.
  const whole = Math.trunc(run.seed);
  kernel.seed(whole >>> 0, Math.floor(whole / TWO_POW_32) >>> 0);
  kernel.setLossTracking(run.trackLoss ? 1 : 0, PAPER_LOG_EPS, -paperLog(0));
}

/**
 * One epoch over rows rowBegin..rowEnd − 1 of the kernel's run, and what it sampled and scored;
 * `loss` (one thread) sets NEG's estimator for the epoch, UMAP's loss without it.
 */
export function runKernelEpoch(
  kernel: OptimizerKernel,
  rows: { begin: number; end: number },
  epoch: number,
  alpha: number,
  loss?: EpochLoss,
): EpochResult {
  const neg = loss !== undefined && !Number.isNaN(loss.negScale);
  const learn = neg && loss.learnNormalization;
  if (loss !== undefined) kernel.setNegEstimator(neg ? 1 : 0, neg ? loss.negScale : 0, learn ? 1 : 0);
  kernel.runEpoch(rows.begin, rows.end, epoch, alpha);
  const attractive = kernel.attractiveLoss();
  const repulsive = kernel.repulsiveLoss();
  const stats: EpochResult = {
    epoch,
    actual: { attractive, repulsive, total: attractive + repulsive },
    edgeSamples: kernel.edgeSamples(),
    negativeSamples: kernel.negativeSamples(),
  };
  if (learn) stats.normalizationGradient = kernel.scaleGradient();
  return stats;
}
