/**
 * Claims about a trend along a parameter sweep (the spectrum, ρ, m, n): the metric at each panel
 * of the sweep on screen, and whether it moves from the first panel to the last in the direction
 * the paper reports. Pure: from the sweep view to a Claim.
 */
import type { SweepView } from '../../state/store';
import { formatPercent, formatThreeDigits } from '../format';
import { type SweepMetricKey, sweepMetricLabels, sweepValueLabel } from '../sweep/sweepLabels';
import { KEPT_RATIO, SWEEP_TREND_CHANGE } from './criteria';
import type { Claim, Verdict } from './runData';

export interface TrendClaim {
  id: string;
  claim: string;
  metric: Exclude<SweepMetricKey, 'finalLoss'>;
  direction: 'falls' | 'rises';
  /** The sweep's parameter the claim is about; a sweep of another one leaves it pending. */
  parameter: SweepView['spec']['parameter'];
}

/**
 * `trend.metric` along the sweep: reproduced when it moves from the first panel to the last in
 * `trend.direction` by more than SWEEP_TREND_CHANGE of its first value, differs when it moves the
 * other way (or not enough), pending until the sweep has finished.
 */
export function sweepTrendClaim(sweep: SweepView | null, trend: TrendClaim): Claim {
  const values: Record<string, number> = {};
  const base = { id: trend.id, claim: trend.claim, values };
  const label = sweepMetricLabels[trend.metric];
  if (!sweep || sweep.spec.parameter !== trend.parameter) {
    return {
      ...base,
      measured: 'no sweep of this parameter yet',
      verdict: 'pending',
      why: 'The claim is read off the sweep this preset runs.',
    };
  }
  const { parameter } = sweep.spec;
  const at = (value: number) => sweepValueLabel(parameter, value);
  const points = sweep.panels
    .map((panel) => ({ value: panel.value, metric: panel.metrics[trend.metric] }))
    .filter((point): point is { value: number; metric: number } => point.metric !== undefined);
  points.forEach((point, index) => {
    values[at(point.value)] = point.metric;
    if (index === 0) values.first = point.metric;
    values.last = point.metric;
  });
  const measured =
    points.length === 0
      ? `no ${label} yet`
      : `${label}: ${points.map((point) => `${formatThreeDigits(point.metric)} (${at(point.value)})`).join(', ')}`;
  const finished = sweep.status === 'done' && points.length >= 2;
  if (!finished) {
    return {
      ...base,
      measured,
      verdict: 'pending',
      why: sweep.status === 'running' ? 'The sweep is still running.' : 'The sweep did not finish.',
    };
  }
  const first = points[0];
  const last = points[points.length - 1];
  const change = (last.metric - first.metric) / Math.abs(first.metric || 1);
  values.change = change;
  const wanted = trend.direction === 'falls' ? -change : change;
  const verdict: Verdict = wanted > SWEEP_TREND_CHANGE ? 'reproduced' : 'differs';
  const moved = `From ${at(first.value)} to ${at(last.value)} the ${label} ${change < 0 ? 'falls' : 'rises'} by ${formatPercent(Math.abs(change))}`;
  const why =
    verdict === 'reproduced'
      ? `${moved}, as claimed.`
      : `${moved}; the claim needs it to ${trend.direction === 'falls' ? 'fall' : 'rise'} by more than ${formatPercent(SWEEP_TREND_CHANGE)}.`;
  return { ...base, measured, verdict, why };
}

/**
 * §7.3 along an n sweep: under the corrected sampling the targets are μ at every size, so every
 * panel's ring keeps at least KEPT_RATIO of its input's thickness.
 */
export function sweepKeepsWidthClaim(sweep: SweepView | null, claim: string): Claim {
  const values: Record<string, number> = {};
  const base = { id: 'sweep-keeps-width', claim, values };
  const ratios = (sweep?.panels ?? []).flatMap((panel) => {
    const { ringThickness, inputRingThickness } = panel.metrics;
    return ringThickness !== undefined && inputRingThickness
      ? [{ value: panel.value, ratio: ringThickness / inputRingThickness }]
      : [];
  });
  if (!sweep || ratios.length === 0)
    return {
      ...base,
      measured: 'no ring sweep yet',
      verdict: 'pending',
      why: 'Run the sweep with corrected sampling.',
    };
  const parameter = sweep.spec.parameter;
  for (const { value, ratio } of ratios) values[sweepValueLabel(parameter, value)] = ratio;
  const measured = `thickness / input: ${ratios.map(({ value, ratio }) => `${formatThreeDigits(ratio)} (${sweepValueLabel(parameter, value)})`).join(', ')}`;
  if (sweep.status !== 'done')
    return { ...base, measured, verdict: 'pending', why: 'The sweep is still running.' };
  const thinnest = ratios.reduce((low, point) => (point.ratio < low.ratio ? point : low));
  return thinnest.ratio >= KEPT_RATIO
    ? {
        ...base,
        measured,
        verdict: 'reproduced',
        why: `Every ring keeps at least ${formatPercent(KEPT_RATIO)} of its input's thickness.`,
      }
    : {
        ...base,
        measured,
        verdict: 'differs',
        why: `At ${sweepValueLabel(parameter, thinnest.value)} the ring keeps only ${formatPercent(thinnest.ratio)} of its input's thickness (the claim: at least ${formatPercent(KEPT_RATIO)}).`,
      };
}
