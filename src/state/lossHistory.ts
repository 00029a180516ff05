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
