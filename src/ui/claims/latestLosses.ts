import type { MultiSeedCurves } from '../../engine/multiSeed';
import type { LossHistory } from '../../state/lossHistory';

/** The loss totals at the latest evaluated epoch: what the loss chart's read-out and the claim cards show. */
export interface LatestLosses {
  epoch: number;
  purported?: number;
  effective?: number;
  actual?: number;
  /** Mean over this many seeds (Fig. 3's multi-seed curves); absent for a single run. */
  seeds?: number;
}

/**
 * Latest totals: of the multi-seed curves when there are some (their means at the last evaluated
 * epoch), else of the run's history at its latest evaluation, with the actual loss of the same
 * epoch; before any evaluation, the latest actual loss alone.
 */
export function latestTotals(
  history: Pick<LossHistory, 'actual' | 'evaluations'>,
  curves: MultiSeedCurves | null,
): LatestLosses | null {
  if (curves) {
    const last = curves.epochs.length - 1;
    if (last < 0) return null;
    return {
      epoch: curves.epochs[last],
      purported: curves.purported.total.mean[last],
      effective: curves.effective.total.mean[last],
      actual: curves.actual.total.mean[last],
      seeds: curves.seeds,
    };
  }
  const evaluation = history.evaluations[history.evaluations.length - 1];
  const actual = history.actual;
  if (!evaluation) {
    const lastActual = actual[actual.length - 1];
    return lastActual ? { epoch: lastActual.epoch + 1, actual: lastActual.actual.total } : null;
  }
  // Evaluations are after `epoch` epochs, i.e. at the end of the epoch with index epoch − 1; that
  // entry is near the end of the actual history: search backwards.
  let actualTotal: number | undefined;
  for (let i = actual.length - 1; i >= 0 && actual[i].epoch >= evaluation.epoch - 1; i--) {
    if (actual[i].epoch === evaluation.epoch - 1) actualTotal = actual[i].actual.total;
  }
  return {
    epoch: evaluation.epoch,
    purported: evaluation.purported.total,
    effective: evaluation.effective.total,
    actual: actualTotal,
  };
}
