import { evaluateLosses } from '../core/losses';
import type { LossParts } from '../core/types';
import type { ExplorerConfig } from './config';
import { type Artifacts, createRunOptimizer } from './stages';

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

export interface MultiSeedOptions {
  seeds: number;
  /** Evaluate the purported and effective losses every this many epochs. */
  every: number;
  /** Lets the caller breathe (answer calls, report progress) between slices of work. */
  pause: (fractionDone: number) => Promise<void>;
  shouldCancel: () => boolean;
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
    const { optimizer } = createRunOptimizer(config, artifacts, s);
    for (let e = 0; e < epochs.length; e++) {
      const stats = optimizer.step(every);
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
      await pause((s + (e + 1) / epochs.length) / seeds);
      if (shouldCancel()) return null;
    }
  }
  const aggregate = (values: Float64Array): SeriesStats => {
    const mean = new Float64Array(epochs.length);
    const std = new Float64Array(epochs.length);
    for (let e = 0; e < epochs.length; e++) {
      let sum = 0;
      for (let s = 0; s < seeds; s++) sum += values[s * epochs.length + e];
      mean[e] = sum / seeds;
      let squares = 0;
      for (let s = 0; s < seeds; s++) squares += (values[s * epochs.length + e] - mean[e]) ** 2;
      std[e] = Math.sqrt(squares / seeds);
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
