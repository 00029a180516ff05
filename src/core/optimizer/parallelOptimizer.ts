/**
 * Parallel epochs: Hogwild-style SGD (Recht et al., 2011), as umap-learn runs its epochs with
 * numba threads when parallel=True: the rows of the graph are split into one shard per thread, every
 * thread runs the WebAssembly kernel over its shard on the one embedding in a shared memory, and
 * nobody locks. A thread's attractions move tails owned by other shards and its negative samples
 * read points others are moving, so results depend on timing: not reproducible from the seed, and
 * only for UMAP sampling (the kernel's scope). The single-thread path stays the default.
 *
 * This file holds both sides of the protocol, pure functions over a shared WebAssembly.Memory and
 * Atomics: the coordinator (`createParallelWasmOptimizer`, running shard 0) and the helpers
 * (`serveOptimizerShard`, one per extra thread). Starting the helper threads is the caller's
 * business (a worker in the browser, worker_threads in the bench), through `startHelper`.
 */
import { deriveSeed } from '../random';
import type { Graph } from '../types';
import { optimizerHandle } from './optimizerHandle';
import type { EpochStats, Optimizer } from './types';
import type { CheckedOptions } from './validateOptions';
import {
  instantiateOptimizerKernel,
  type KernelLayout,
  type KernelRunSettings,
  kernelLayout,
  kernelRunSettings,
  type OptimizerKernel,
  PAGE_BYTES,
  prepareKernel,
  runKernelEpoch,
  sharedOptimizerModule,
  writeKernelRun,
} from './wasmKernel';

/** Int32 cells at the start of the control block. */
const GENERATION = 0;
const COMMAND = 1;
const DONE = 2;
const READY = 3;
const FAILED = 4;
const CELL_COUNT = 6;
/** Float64 values after the cells: the epoch and α, then per shard its four totals. */
const EPOCH = 0;
const ALPHA = 1;
const SHARD_TOTALS = 2;
const TOTALS_PER_SHARD = 4;

/**
 * Atomics.load polls before a thread sleeps in Atomics.wait (tens of µs): waking a sleeping thread
 * costs about as much again on a VM, against an epoch of about 1 ms on the Fig. 1b ring, and
 * polling first made 2-thread epochs 7 % faster there.
 */
const SPIN_POLLS = 20_000;
const RUN_EPOCH = 1;
const STOP = 2;
/** How long the coordinator waits for its helpers to start (they are workers, so they may be slow). */
const START_TIMEOUT_MS = 30_000;

/** Everything a helper thread needs to serve one shard (structured-clonable: the memory is shared). */
export interface ShardAssignment {
  memory: WebAssembly.Memory;
  /** The coordinator's compiled kernel (sharedOptimizerModule). */
  module: WebAssembly.Module;
  layout: KernelLayout;
  /** Byte offset of the control block in `memory`. */
  controlAt: number;
  shard: number;
  threads: number;
  rows: { begin: number; end: number };
  /** The shard's kernel settings, its own random stream included. */
  run: KernelRunSettings;
}

/**
 * Row boundaries of `threads` contiguous shards with about equal work. An edge is sampled at a rate
 * proportional to its weight μ_ij (epochs per sample = max μ / μ_ij, docs/algorithm.md §1.7), and
 * each sample brings m negative samples, so a shard's work per epoch is proportional to its sum of
 * μ. Shard s is rows bounds[s]..bounds[s + 1] − 1.
 */
export function partitionRows(graph: Graph, threads: number): Int32Array {
  const { n, rowPtr, values } = graph;
  const bounds = new Int32Array(threads + 1);
  let total = 0;
  for (let p = 0; p < rowPtr[n]; p++) total += values[p];
  let row = 0;
  let before = 0;
  for (let s = 1; s < threads; s++) {
    const target = (total * s) / threads;
    while (row < n && before < target) {
      for (let p = rowPtr[row]; p < rowPtr[row + 1]; p++) before += values[p];
      row++;
    }
    bounds[s] = row;
  }
  bounds[threads] = n;
  return bounds;
}

function controlViews(memory: WebAssembly.Memory, controlAt: number, threads: number) {
  return {
    cells: new Int32Array(memory.buffer, controlAt, CELL_COUNT),
    values: new Float64Array(
      memory.buffer,
      controlAt + 4 * CELL_COUNT,
      SHARD_TOTALS + TOTALS_PER_SHARD * threads,
    ),
  };
}

/**
 * The coordinator: an Optimizer whose epochs run on `o.threads` threads, for options checked by
 * createOptimizer (umap sampling, startHelper given). This thread runs shard 0 and blocks in
 * Atomics.wait until the helpers finish theirs, so it must run where blocking is allowed: a worker,
 * or Node. `o.startHelper` is called once per helper shard and must get
 * `serveOptimizerShard(assignment)` running on another thread; the first epoch fails if they have
 * not started within `startTimeoutMs`. Call `dispose` to release them. With one thread (tests) it
 * is the one-thread kernel on the shared-memory build: the same stream, the same embedding.
 */
export function createParallelWasmOptimizer(o: CheckedOptions, startTimeoutMs = START_TIMEOUT_MS): Optimizer {
  const { threads } = o;
  const { n, rowPtr } = o.graph;
  // The layout starts one page in, above the kernel's own data (checked below).
  const layout = kernelLayout(PAGE_BYTES, n, rowPtr[n]);
  const controlAt = Math.ceil(layout.end / 8) * 8;
  const controlBytes = 4 * CELL_COUNT + 8 * (SHARD_TOTALS + TOTALS_PER_SHARD * threads);
  const pages = Math.ceil((controlAt + controlBytes) / PAGE_BYTES);
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
  const module = sharedOptimizerModule();
  const kernel = instantiateOptimizerKernel(memory, module);
  if (kernel === undefined)
    throw new Error('the WebAssembly optimizer could not be instantiated in this runtime');
  if (kernel.heapBase() > PAGE_BYTES) throw new Error('the kernel data outgrew its first page');
  const { embedding, schedule } = writeKernelRun(memory.buffer, layout, o);
  const run = kernelRunSettings(o);
  prepareKernel(kernel, layout, run);
  const { cells, values } = controlViews(memory, controlAt, threads);
  const bounds = partitionRows(o.graph, threads);
  const shardRows = (s: number) => ({ begin: bounds[s], end: bounds[s + 1] });
  const ownRows = shardRows(0);
  const helpers = threads - 1;
  for (let shard = 1; shard < threads; shard++) {
    o.startHelper?.({
      memory,
      module,
      layout,
      controlAt,
      shard,
      threads,
      rows: shardRows(shard),
      run: { ...run, seed: deriveSeed(o.seed, `shard ${shard}`) },
    });
  }

  let started = false;
  let stopped = false;
  const waitFor = (cell: number, count: number, timeoutMs: number): void => {
    for (let spin = 0; spin < SPIN_POLLS && Atomics.load(cells, cell) < count; spin++);
    const deadline = Date.now() + timeoutMs;
    for (let seen = Atomics.load(cells, cell); seen < count; seen = Atomics.load(cells, cell)) {
      if (Atomics.wait(cells, cell, seen, Math.max(0, deadline - Date.now())) === 'timed-out') {
        throw new Error(`parallel epochs: ${helpers - seen} helper thread(s) did not respond`);
      }
    }
  };

  const runEpoch = (epoch: number, alpha: number): EpochStats => {
    if (stopped) throw new Error('this parallel optimizer was disposed');
    if (!started) {
      waitFor(READY, helpers, startTimeoutMs);
      started = true;
    }
    values[EPOCH] = epoch;
    values[ALPHA] = alpha;
    Atomics.store(cells, DONE, 0);
    Atomics.store(cells, COMMAND, RUN_EPOCH);
    Atomics.add(cells, GENERATION, 1);
    Atomics.notify(cells, GENERATION);
    const stats = runKernelEpoch(kernel, ownRows, epoch, alpha);
    waitFor(DONE, helpers, Number.POSITIVE_INFINITY);
    if (Atomics.load(cells, FAILED) !== 0) throw new Error('parallel epochs: a helper thread failed');
    let { attractive, repulsive } = stats.actual;
    for (let shard = 1; shard < threads; shard++) {
      const at = SHARD_TOTALS + TOTALS_PER_SHARD * shard;
      stats.edgeSamples += values[at];
      stats.negativeSamples += values[at + 1];
      attractive += values[at + 2];
      repulsive += values[at + 3];
    }
    stats.actual = { attractive, repulsive, total: attractive + repulsive };
    return stats;
  };

  return optimizerHandle({
    backend: 'wasm',
    threads,
    embedding,
    options: o,
    // Between epochs every helper is parked in Atomics.wait, so the handle may rescale the schedule.
    schedule,
    runEpoch,
    dispose() {
      if (stopped) return;
      stopped = true;
      Atomics.store(cells, COMMAND, STOP);
      Atomics.add(cells, GENERATION, 1);
      Atomics.notify(cells, GENERATION);
    },
  });
}

/**
 * A helper thread's side: instantiates the kernel on the shared memory, then runs its shard of each
 * epoch the coordinator announces, until it is disposed. Blocks the calling thread (a worker)
 * meanwhile; returns once stopped.
 */
export function serveOptimizerShard(x: ShardAssignment): void {
  const { cells, values } = controlViews(x.memory, x.controlAt, x.threads);
  let kernel: OptimizerKernel | undefined;
  try {
    kernel = instantiateOptimizerKernel(x.memory, x.module);
    if (kernel !== undefined) prepareKernel(kernel, x.layout, x.run);
  } catch {
    kernel = undefined;
  }
  if (kernel === undefined) Atomics.store(cells, FAILED, 1);
  Atomics.add(cells, READY, 1);
  Atomics.notify(cells, READY);
  let seen = 0;
  for (;;) {
    for (let spin = 0; spin < SPIN_POLLS && Atomics.load(cells, GENERATION) === seen; spin++);
    while (Atomics.load(cells, GENERATION) === seen) Atomics.wait(cells, GENERATION, seen);
    seen = Atomics.load(cells, GENERATION);
    if (Atomics.load(cells, COMMAND) === STOP) return;
    try {
      if (kernel === undefined) throw new Error('no kernel');
      const stats = runKernelEpoch(kernel, x.rows, values[EPOCH], values[ALPHA]);
      const at = SHARD_TOTALS + TOTALS_PER_SHARD * x.shard;
      values[at] = stats.edgeSamples;
      values[at + 1] = stats.negativeSamples;
      values[at + 2] = stats.actual.attractive;
      values[at + 3] = stats.actual.repulsive;
    } catch {
      Atomics.store(cells, FAILED, 1);
    }
    Atomics.add(cells, DONE, 1);
    Atomics.notify(cells, DONE);
  }
}
