import type { ActualLoss, EvaluatedLosses } from '../engine/frame';

/**
 * The loss curves of one run, accumulated from frame increments. Mutated in place (the curves grow
 * to 10 000 epochs; copying them every frame would be O(epochs) per frame); `version` tells React
 * when to redraw.
 */
export interface LossHistory {
  runId: number;
  version: number;
  actual: ActualLoss[];
  evaluations: EvaluatedLosses[];
}

export const emptyHistory = (runId: number): LossHistory => ({
  runId,
  version: 0,
  actual: [],
  evaluations: [],
});

export function appendToHistory(
  history: LossHistory,
  actual: ActualLoss[],
  evaluations: EvaluatedLosses[],
): LossHistory {
  if (actual.length === 0 && evaluations.length === 0) return history;
  for (const entry of actual) history.actual.push(entry);
  for (const entry of evaluations) history.evaluations.push(entry);
  return { ...history, version: history.version + 1 };
}

/** The per-epoch actual loss (eq. 11) reduced to bucket means, each part, at the buckets' mean epoch. */
export interface DownsampledActual {
  epochs: Float64Array;
  attractive: Float64Array;
  repulsive: Float64Array;
  total: Float64Array;
}

/**
 * Means of consecutive buckets of the actual loss: at most `maxPoints` points, O(epochs); drawing
 * more points than pixels only costs time. An ActualLoss's `epoch` is the 0-based index of the epoch
 * run; it is placed at the end of that epoch (index + 1), where the other losses are evaluated too.
 */
export function downsampleActual(actual: readonly ActualLoss[], maxPoints: number): DownsampledActual {
  const bucket = Math.max(1, Math.ceil(actual.length / maxPoints));
  const count = Math.ceil(actual.length / bucket);
  const result: DownsampledActual = {
    epochs: new Float64Array(count),
    attractive: new Float64Array(count),
    repulsive: new Float64Array(count),
    total: new Float64Array(count),
  };
  for (let b = 0; b < count; b++) {
    const start = b * bucket;
    const end = Math.min(actual.length, start + bucket);
    for (let i = start; i < end; i++) {
      const entry = actual[i];
      result.epochs[b] += entry.epoch + 1;
      result.attractive[b] += entry.actual.attractive;
      result.repulsive[b] += entry.actual.repulsive;
      result.total[b] += entry.actual.total;
    }
    const size = end - start;
    result.epochs[b] /= size;
    result.attractive[b] /= size;
    result.repulsive[b] /= size;
    result.total[b] /= size;
  }
  return result;
}
