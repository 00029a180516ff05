/**
 * Table 1 of the paper over several seeds (docs/algorithm.md §3.5): for seed s = 0, 1, …, the data
 * of seed s (a generated dataset; a loaded one stays as it is), its graph pruned at max/epochs, a
 * run of `epochs` epochs with optimizer seed s, then the purported (eq. 6) and effective (eq. 12)
 * losses of the three layouts (core/losses/lossTable.ts); mean and population std over the seeds.
 */

import { CancelledError } from '../core/cancel';
import { UserError } from '../core/errors';
import { type LossTableColumn, type LossTableRow, lossTable, lossTableColumns } from '../core/losses';
import type { Optimizer, OptimizerBackend } from '../core/optimizer';
import type { Graph } from '../core/types';
import type { ExplorerConfig } from './config';
import { populationMeanStd, type SliceLoop, stepInSlices } from './multiSeed';
import {
  type Artifacts,
  createRunOptimizer,
  createStageCache,
  datasetFor,
  type ExternalDataset,
} from './pipeline';

export interface Table1Options {
  /** Seeds 0 … seeds − 1 (the paper: 7). */
  seeds: number;
  /** Epochs of every run; the graph is pruned at max/epochs as well (the paper: 10 000). */
  epochs: number;
  /** Add the dense-φ row (μ = φ(‖xᵢ − xⱼ‖), Fig. 1d): a second run per seed, about 17× the SGD updates on the ring (18× the time). */
  dense?: boolean;
}

/** What the engine's runTable1 takes: the options, and the configuration to run (default: the current one). */
export interface Table1Request extends Table1Options {
  config?: ExplorerConfig;
}

/** Epochs run so far over all runs of the table, of `total`; the time left, once it can be estimated. */
export interface Table1Progress {
  done: number;
  total: number;
  remainingSeconds?: number;
}

export interface MeanStd {
  mean: number;
  /** Population standard deviation over the seeds (ddof = 0, as the paper). */
  std: number;
}

export interface Table1SeedCell {
  /** Total (attraction + repulsion) purported loss, eq. 6: the number the paper reports. */
  purported: MeanStd;
  /** Total effective loss, eq. 12. */
  effective: MeanStd;
  /** The totals of each seed, in seed order. */
  perSeed: { purported: number[]; effective: number[] };
}

export interface Table1SeedRow {
  similarities: LossTableRow['similarities'];
  cells: Record<LossTableColumn, Table1SeedCell>;
  /** Column of the lowest mean total per loss; `lowest.purported` is the paper's bold entry. */
  lowest: { purported: LossTableColumn; effective: LossTableColumn };
}

/** Table 1 over seeds: what `runTable1` returns. */
export interface Table1Seeds {
  rows: Table1SeedRow[];
  /** The seeds, in order: each seeds the data (a generated dataset), the kNN, the init and the optimizer. */
  seeds: number[];
  epochs: number;
  /** Wall time of the whole table, builds and loss evaluations included. */
  elapsedSeconds: number;
  /** The configuration the runs shared; each run sets its own seed, similarity (umap / dense) and one thread. */
  config: ExplorerConfig;
  /** Whether the seeds changed the data (generated datasets, as the paper's recipe) or only the runs (a loaded dataset). */
  dataVaries: boolean;
  /** The optimizer backend of the runs ('wasm' as the app's runs, where WebAssembly exists). */
  backend: OptimizerBackend;
}

export interface Table1Context {
  /** The loaded dataset (CSV, digits) the configuration may name. */
  external?: ExternalDataset | null;
  /** Called between slices of work with the progress so far; resolves when the work may go on. */
  report: (progress: Table1Progress) => Promise<void>;
  shouldCancel: () => boolean;
  /** Milliseconds clock, for the elapsed and remaining time. */
  now?: () => number;
}

/** Work per slice between pauses, in expected SGD updates (≈ 20–40 ms with the WASM kernel). */
const SLICE_UPDATES = 500_000;

/**
 * Expected SGD updates per epoch: every stored edge sampled μ/max μ times (umap-learn's
 * epochs_per_sample, docs/algorithm.md §1.7; paper eq. 8), each with m negative samples.
 */
export function updatesPerEpoch(graph: Graph, m: number): number {
  let sum = 0;
  let max = 0;
  for (const value of graph.values) {
    sum += value;
    if (value > max) max = value;
  }
  return max > 0 ? (sum / max) * (1 + m) : 0;
}

function meanStdCell(purported: number[], effective: number[]): Table1SeedCell {
  return {
    purported: populationMeanStd(purported),
    effective: populationMeanStd(effective),
    perSeed: { purported, effective },
  };
}

function lowestColumn(cells: Record<LossTableColumn, Table1SeedCell>, loss: 'purported' | 'effective') {
  let best: LossTableColumn = lossTableColumns[0];
  for (const column of lossTableColumns) {
    if (cells[column][loss].mean < cells[best][loss].mean) best = column;
  }
  return best;
}

/** Mean ± std per row and column over the per-seed tables. */
export function aggregateTable1(tables: LossTableRow[][]): Table1SeedRow[] {
  return tables[0].map((first, r) => {
    const cells = {} as Record<LossTableColumn, Table1SeedCell>;
    for (const column of lossTableColumns) {
      cells[column] = meanStdCell(
        tables.map((rows) => rows[r].cells[column].purported.total),
        tables.map((rows) => rows[r].cells[column].effective.total),
      );
    }
    return {
      similarities: first.similarities,
      cells,
      lowest: { purported: lowestColumn(cells, 'purported'), effective: lowestColumn(cells, 'effective') },
    };
  });
}

/**
 * Table 1 over `options.seeds` seeds from `base` (its dataset, n, k, m, init, learning rate, min_dist,
 * …): per seed s, a run with UMAP's μ and, with `dense`, one with dense φ, each `options.epochs`
 * epochs on the WASM kernel (as the app's runs), one after the other. Resolves with null when
 * cancelled. The runs use their own stage cache, so the current run's cached stages stay.
 */
export async function runTable1(
  base: ExplorerConfig,
  options: Table1Options,
  context: Table1Context,
): Promise<Table1Seeds | null> {
  const { seeds, epochs } = options;
  if (!(Number.isInteger(seeds) && seeds >= 1))
    throw new UserError(`Table 1 needs at least one seed; got ${seeds}.`);
  if (!(Number.isInteger(epochs) && epochs >= 1))
    throw new UserError(`Table 1 needs a whole number of epochs, at least 1; got ${epochs}.`);
  const now = context.now ?? (() => performance.now());
  const started = now();
  const similarities: ('umap' | 'dense')[] = options.dense ? ['umap', 'dense'] : ['umap'];
  // One thread, as runSeeds: reproducible from the seeds, and the helper threads of parallel epochs
  // stay with the current run (a helper serves one optimizer at a time).
  const threads = 1;
  const configOf = (seed: number, similarity: 'umap' | 'dense'): ExplorerConfig => ({
    ...base,
    seed,
    similarity,
    epochs,
    threads,
  });
  const cache = createStageCache();
  const external = context.external ?? null;

  // Progress in epochs; the time left from the expected SGD updates, which differ ~17× between rows.
  const total = seeds * epochs * similarities.length;
  let done = 0;
  let doneWork = 0;
  const workPerRun: number[][] = similarities.map(() => []);
  const estimatedTotalWork = () => {
    let sum = 0;
    for (const known of workPerRun) {
      if (known.length === 0) continue;
      const mean = known.reduce((s, w) => s + w, 0) / known.length;
      sum += known.reduce((s, w) => s + w, 0) + mean * (seeds - known.length);
    }
    return sum;
  };
  const progress = (): Table1Progress => {
    const elapsed = (now() - started) / 1000;
    const remainingWork = estimatedTotalWork() - doneWork;
    return doneWork > 0
      ? { done, total, remainingSeconds: (elapsed * remainingWork) / doneWork }
      : { done, total };
  };

  const tables: LossTableRow[][] = [];
  let backend: OptimizerBackend = 'wasm';
  // Checked on the data alone, before the kNN and layout stages a 784-D set would spend seconds on.
  if (datasetFor(configOf(0, similarities[0]), external).dim !== 2)
    throw new UserError('Table 1 needs 2-D data for its input-layout column.');
  for (let seed = 0; seed < seeds; seed++) {
    let built: Artifacts[];
    try {
      built = similarities.map((similarity) =>
        cache.build(configOf(seed, similarity), external, undefined, context.shouldCancel),
      );
    } catch (error) {
      if (error instanceof CancelledError) return null;
      throw error;
    }
    const dataset = built[0].dataset;
    const perEpochUpdates = built.map((artifacts) => updatesPerEpoch(artifacts.graph, base.m));
    perEpochUpdates.forEach((perEpoch, r) => {
      workPerRun[r].push(perEpoch * epochs);
    });
    await context.report(progress());
    if (context.shouldCancel()) return null;

    const results: Float32Array[] = [];
    for (let r = 0; r < similarities.length; r++) {
      const artifacts = built[r];
      const config = configOf(seed, similarities[r]);
      const perEpoch = perEpochUpdates[r];
      const every = Math.max(1, Math.min(epochs, Math.round(SLICE_UPDATES / Math.max(perEpoch, 1))));
      let optimizer: Optimizer | null = null;
      try {
        optimizer = createRunOptimizer(config, artifacts).optimizer;
        backend = optimizer.backend;
        const running = optimizer;
        let epochsBefore = 0;
        const finished = await stepInSlices(running, every, {
          pause: () => {
            const ran = running.epoch - epochsBefore;
            epochsBefore = running.epoch;
            done += ran;
            doneWork += ran * perEpoch;
            return context.report(progress());
          },
          shouldCancel: context.shouldCancel,
        } satisfies SliceLoop);
        if (!finished) return null;
        results.push(running.embedding.slice());
      } finally {
        optimizer?.dispose();
      }
    }
    tables.push(
      lossTable({
        graph: built[0].graph,
        umapResult: results[0],
        input: dataset.points,
        denseGraph: built[1]?.graph,
        denseResult: results[1],
        a: built[0].a,
        b: built[0].b,
        m: base.m,
      }),
    );
  }
  return {
    rows: aggregateTable1(tables),
    seeds: Array.from({ length: seeds }, (_, seed) => seed),
    epochs,
    elapsedSeconds: (now() - started) / 1000,
    config: { ...base, similarity: 'umap', epochs, threads },
    dataVaries: base.dataset !== 'csv' && base.dataset !== 'mnist',
    backend,
  };
}
