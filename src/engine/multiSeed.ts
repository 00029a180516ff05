import { evaluateLosses } from '../core/losses';
import type { EpochStats, Optimizer } from '../core/optimizer';
import type { LossParts } from '../core/types';
import type { ExplorerConfig } from './config';
import { type Artifacts, createRunOptimizer } from './pipeline';

export interface SeriesStats {
  mean: Float64Array;
  /** Population standard deviation over seeds (ddof = 0, as the paper's figures). */
  std: Float64Array;
}

type LossSeries = Record<keyof LossParts, SeriesStats>;

/** Fig. 3: mean ± std over seeds of the three losses, at the evaluated epochs. */
export interface MultiSeedCurves {
  seeds: number;
  epochs: Int32Array;
  actual: LossSeries;
  effective: LossSeries;
  purported: LossSeries;
}

/** How a long multi-seed computation shares its thread: a pause between slices of work, and a way to stop. */
export interface SliceLoop {
  /** Lets the caller breathe (answer calls, report progress) between slices of work. */
  pause: (fractionDone: number) => Promise<void>;
  shouldCancel: () => boolean;
}

export interface MultiSeedOptions extends SliceLoop {
  seeds: number;
  /** Evaluate the purported and effective losses every this many epochs. */
  every: number;
}

/** Mean and population standard deviation (ddof = 0, numpy's `.std()`, as the paper's figures and Table 1). */
export function populationMeanStd(values: ArrayLike<number>): { mean: number; std: number } {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  const mean = sum / values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i] - mean) ** 2;
  return { mean, std: Math.sqrt(squares / values.length) };
}

/**
 * The multi-seed runs' inner loop: steps `optimizer` `slices` times by `every` epochs (by default
 * until its last epoch, the last slice possibly shorter), handing each slice's stats to `onSlice`,
 * then pausing with the fraction of this optimizer's slices done. False when cancelled.
 */
export async function stepInSlices(
  optimizer: Optimizer,
  every: number,
  { pause, shouldCancel }: SliceLoop,
  onSlice: (stats: EpochStats[], slice: number) => void = () => {},
  slices = Math.ceil((optimizer.nEpochs - optimizer.epoch) / every),
): Promise<boolean> {
  for (let slice = 0; slice < slices; slice++) {
    onSlice(optimizer.step(every), slice);
    await pause((slice + 1) / slices);
    if (shouldCancel()) return false;
  }
  return true;
}

const parts: (keyof LossParts)[] = ['attractive', 'repulsive', 'total'];

/**
 * Runs one configuration for several optimizer seeds on the same graph and initial layout, one
 * seed after the other, and aggregates the loss curves (the paper's 7 seeds of Fig. 3).
 */
export async function runSeeds(
  config: ExplorerConfig,
  artifacts: Artifacts,
  { seeds, every, pause, shouldCancel }: MultiSeedOptions,
): Promise<MultiSeedCurves | null> {
  const epochs: number[] = [];
  for (let epoch = every; epoch <= config.epochs; epoch += every) epochs.push(epoch);
  // samples[kind][part][seed * epochs.length + e]
  const samples = { actual: {}, effective: {}, purported: {} } as Record<
    'actual' | 'effective' | 'purported',
    Record<keyof LossParts, Float64Array>
  >;
  for (const kind of ['actual', 'effective', 'purported'] as const) {
    for (const part of parts) samples[kind][part] = new Float64Array(seeds * epochs.length);
  }
  for (let s = 0; s < seeds; s++) {
    const { optimizer } = createRunOptimizer(config, artifacts, { seedOffset: s });
    const finished = await stepInSlices(
      optimizer,
      every,
      { pause: (fraction) => pause((s + fraction) / seeds), shouldCancel },
      (stats, e) => {
        const losses = evaluateLosses(artifacts.graph, optimizer.embedding, {
          a: artifacts.a,
          b: artifacts.b,
          m: config.m,
          degrees: artifacts.degrees,
        });
        const slot = s * epochs.length + e;
        for (const part of parts) {
          samples.actual[part][slot] = stats[stats.length - 1].actual[part];
          samples.effective[part][slot] = losses.effective[part];
          samples.purported[part][slot] = losses.purported[part];
        }
      },
      epochs.length,
    );
    if (!finished) return null;
  }
  const aggregate = (values: Float64Array): SeriesStats => {
    const mean = new Float64Array(epochs.length);
    const std = new Float64Array(epochs.length);
    const perSeed = new Float64Array(seeds);
    for (let e = 0; e < epochs.length; e++) {
      for (let s = 0; s < seeds; s++) perSeed[s] = values[s * epochs.length + e];
      ({ mean: mean[e], std: std[e] } = populationMeanStd(perSeed));
    }
    return { mean, std };
  };
  const series = (kind: keyof typeof samples) =>
    Object.fromEntries(parts.map((part) => [part, aggregate(samples[kind][part])])) as LossSeries;
  return {
    seeds,
    epochs: Int32Array.from(epochs),
    actual: series('actual'),
    effective: series('effective'),
    purported: series('purported'),
  };
}
