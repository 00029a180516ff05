/** Claims about the losses: purported against effective (Fig. 3, App. G) and effective against actual (Fig. 3). */
import type { MultiSeedCurves } from '../../engine/multiSeed';
import { formatInteger, formatLoss, formatPercent } from '../format';
import { datasetNames, prose, sci, times } from './claimFormat';
import { PAPER_C_ELEGANS, SIZE_FACTOR, TRACKING_GAP } from './criteria';
import type { Claim, RunData } from './runData';
import { lossRatio } from './runMeasures';

/** Purported loss far above the effective one (Fig. 3), with the paper's C. elegans size for scale. */
export function lossRatioClaim(data: RunData): Claim {
  const paperRatio = PAPER_C_ELEGANS.purported / PAPER_C_ELEGANS.effective;
  const claim =
    `Fig. 3 / App. G (C. elegans, n = ${prose(PAPER_C_ELEGANS.n)}): the purported loss (eq. 6) lies orders of ` +
    `magnitude above the effective loss (eq. 12) that UMAP lowers — ${sci(PAPER_C_ELEGANS.purported)} against ` +
    `${sci(PAPER_C_ELEGANS.effective)} for the final layout, ${times(paperRatio)}.`;
  const ratio = lossRatio(data.latest);
  const latest = data.latest;
  if (ratio === undefined || !latest || latest.purported === undefined || latest.effective === undefined) {
    return {
      id: 'loss-ratio',
      claim,
      measured: 'no evaluated losses yet',
      verdict: 'pending',
      why: 'The ratio appears with the first evaluation of eq. 6 and eq. 12.',
      values: {},
    };
  }
  const n = data.n ?? data.config.n;
  const seeds = latest.seeds ? `, mean of ${formatInteger(latest.seeds)} seeds` : '';
  const measured = `purported ${formatLoss(latest.purported)} / effective ${formatLoss(latest.effective)} = ${times(ratio)} at epoch ${formatInteger(latest.epoch)}${seeds} (n = ${formatInteger(n)})`;
  const values = {
    ratio,
    purported: latest.purported,
    effective: latest.effective,
    epoch: latest.epoch,
    paperRatio,
  };
  if (ratio <= 1)
    return {
      id: 'loss-ratio',
      claim,
      measured,
      verdict: 'differs',
      why: 'The purported loss is not above the effective loss here.',
      values,
    };
  if (ratio * SIZE_FACTOR >= paperRatio)
    return {
      id: 'loss-ratio',
      claim,
      measured,
      verdict: 'reproduced',
      why: `${times(ratio)} is within a factor ${SIZE_FACTOR} of the paper's ${times(paperRatio)}.`,
      values,
    };
  return {
    id: 'loss-ratio',
    claim,
    measured,
    verdict: 'differs',
    why:
      `Purported ≫ effective holds (${times(ratio)}), but the paper's ${times(paperRatio)} is for C. elegans ` +
      `(n = ${prose(PAPER_C_ELEGANS.n)}), not ${datasetNames[data.config.dataset]} (n = ${prose(n)}): the gap ` +
      'grows with n, as the effective repulsion weight (dᵢ + dⱼ)m / 2n shrinks like 1/n.',
    values,
  };
}

/** Fig. 3: the effective loss tracks the actual loss of the sampled pairs, over the 7 seeds. */
export function trackingClaim(curves: MultiSeedCurves | null): Claim {
  const claim =
    'Fig. 3 (C. elegans, 7 seeds): the effective loss (eq. 12) closely tracks the actual loss of the pairs ' +
    'UMAP samples (eq. 11), while the purported loss (eq. 6) does not.';
  if (!curves || curves.epochs.length === 0)
    return {
      id: 'tracking',
      claim,
      measured: 'seeds not run yet',
      verdict: 'pending',
      why: 'Decided by the mean curves once the seeds have run.',
      values: {},
    };
  const gaps: number[] = [];
  const count = curves.epochs.length;
  // As the paper's plots, leave out the first tenth of the run, where sampling is furthest from its mean.
  const first = Math.min(count - 1, Math.floor(count / 10));
  for (let e = first; e < count; e++) {
    const effective = curves.effective.total.mean[e];
    if (effective > 0) gaps.push(Math.abs(curves.actual.total.mean[e] - effective) / effective);
  }
  gaps.sort((a, b) => a - b);
  const median = gaps.length > 0 ? gaps[Math.floor(gaps.length / 2)] : Number.NaN;
  const last = count - 1;
  const effective = curves.effective.total.mean[last];
  const actual = curves.actual.total.mean[last];
  const purported = curves.purported.total.mean[last];
  const measured =
    `median gap |actual − effective| / effective = ${formatPercent(median)} over epochs ` +
    `${formatInteger(curves.epochs[first])}–${formatInteger(curves.epochs[last])} (means of ${formatInteger(curves.seeds)} seeds); ` +
    `final: actual ${formatLoss(actual)}, effective ${formatLoss(effective)}, purported ${formatLoss(purported)}`;
  const tracks = median <= TRACKING_GAP;
  return {
    id: 'tracking',
    claim,
    measured,
    verdict: tracks ? 'reproduced' : 'differs',
    why: tracks
      ? `The curves stay within ${formatPercent(median)} of each other (criterion: ${formatPercent(TRACKING_GAP)}).`
      : `The actual loss is typically ${formatPercent(median)} away from the effective one (more than ${formatPercent(TRACKING_GAP)}).`,
    values: { median, actual, effective, purported },
  };
}
