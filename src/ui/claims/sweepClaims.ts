/**
 * Claims about a trend along a parameter sweep (the spectrum, ρ, m, n): the metric at each panel
 * of the sweep on screen, and whether it moves from the first panel to the last in the direction
 * the paper reports (or stays put). Pure: from the sweep view to a Claim.
 */
import type { SweepView } from '../../state/store';
import { formatPercent, formatThreeDigits } from '../format';
import { type SweepMetricKey, sweepMetricLabels, sweepValueLabel } from '../sweep/sweepLabels';
import { SWEEP_FLAT_CHANGE, SWEEP_TREND_CHANGE } from './criteria';
import type { Claim, Verdict } from './runData';

export interface TrendClaim {
  id: string;
  claim: string;
  metric: Exclude<SweepMetricKey, 'finalLoss'>;
  /** 'stays': moves by at most SWEEP_FLAT_CHANGE of its first value. */
  direction: 'falls' | 'rises' | 'stays';
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
  const moved = `From ${at(first.value)} to ${at(last.value)} the ${label} ${change < 0 ? 'falls' : 'rises'} by ${formatPercent(Math.abs(change))}`;
  if (trend.direction === 'stays') {
    const flat = Math.abs(change) <= SWEEP_FLAT_CHANGE;
    return {
      ...base,
      measured,
      verdict: flat ? 'reproduced' : 'differs',
      why: `${moved}; the claim allows at most ${formatPercent(SWEEP_FLAT_CHANGE)} either way.`,
    };
  }
  const wanted = trend.direction === 'falls' ? -change : change;
  const verdict: Verdict = wanted > SWEEP_TREND_CHANGE ? 'reproduced' : 'differs';
  const why =
    verdict === 'reproduced'
      ? `${moved}, as claimed.`
      : `${moved}; the claim needs it to ${trend.direction === 'falls' ? 'fall' : 'rise'} by more than ${formatPercent(SWEEP_TREND_CHANGE)}.`;
  return { ...base, measured, verdict, why };
}
