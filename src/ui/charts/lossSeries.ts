/** The loss chart's series: which losses and parts, from the live history or the multi-seed curves. */
import type { LossParts } from '../../engine/frame';
import type { MultiSeedCurves } from '../../engine/multiSeed';
import { downsampleActual, type LossHistory } from '../../state/lossHistory';
import { nearestIndex } from './useElementWidth';

export type LossKind = 'purported' | 'effective' | 'actual';
export type Part = keyof LossParts;

export const kinds: LossKind[] = ['purported', 'effective', 'actual'];
export const parts: Part[] = ['total', 'attractive', 'repulsive'];

/** Total solid, attractive dashed, repulsive dotted: the part reads from the dash, the loss from the colour. */
export const dashes: Record<Part, string | undefined> = {
  total: undefined,
  attractive: '7 4',
  repulsive: '1.5 3',
};

/** The actual loss arrives every epoch: at most this many points per series. */
export const MAX_POINTS_PER_SERIES = 1000;

/** One curve: a loss kind and part over the epochs it was evaluated at. */
export interface Series {
  kind: LossKind;
  part: Part;
  epochs: Float64Array;
  mean: Float64Array;
  /** ±1 std over seeds (multi-seed mode only). */
  std?: Float64Array;
}

function actualSeries(actual: LossHistory['actual']): Series[] {
  const downsampled = downsampleActual(actual, MAX_POINTS_PER_SERIES);
  return parts.map((part) => ({
    kind: 'actual' as const,
    part,
    epochs: downsampled.epochs,
    mean: downsampled[part],
  }));
}

/** A live run's series: purported and effective at the evaluations, the actual loss of every epoch (downsampled). */
export function liveSeries(history: LossHistory): Series[] {
  const evaluations = history.evaluations;
  const epochs = Float64Array.from(evaluations, (entry) => entry.epoch);
  const evaluated: Series[] = [];
  for (const kind of ['purported', 'effective'] as const) {
    for (const part of parts) {
      evaluated.push({
        kind,
        part,
        epochs,
        mean: Float64Array.from(evaluations, (entry) => entry[kind][part]),
      });
    }
  }
  return [...evaluated, ...actualSeries(history.actual)];
}

/** Fig. 3's series over seeds: the three losses' means ± std at the evaluated epochs. */
export function multiSeedSeries(curves: MultiSeedCurves): Series[] {
  const epochs = Float64Array.from(curves.epochs);
  return kinds.flatMap((kind) =>
    parts.map((part) => ({ kind, part, epochs, mean: curves[kind][part].mean, std: curves[kind][part].std })),
  );
}

/** Epochs a cursor can step through: the evaluated epochs of the longest series, ascending. */
export function cursorEpochs(series: Series[]): Float64Array {
  let best: Float64Array = new Float64Array(0);
  for (const entry of series) if (entry.epochs.length > best.length) best = entry.epochs;
  return best;
}

/** One series' value at the point nearest `epoch`, with that point's epoch. */
export function valueAt(series: Series, epoch: number) {
  const index = nearestIndex(series.epochs, epoch);
  if (index < 0) return null;
  return { epoch: series.epochs[index], value: series.mean[index], std: series.std?.[index] };
}
