import { HIGH_SIMILARITY } from '../../core/losses';
import { formatNumber } from '../../engine/messages';
import type { SweepPanelMetrics, SweepParameter } from '../../engine/sweep';
import { formatLoss, formatThreeDigits } from '../format';

/** How a panel's title names the swept parameter: its symbol in the papers and the registry labels. */
const sweepSymbols: Record<SweepParameter, string> = {
  spectrum: 's',
  exaggeration: 'ρ',
  m: 'm',
  n: 'n',
  k: 'k',
};

/** A panel's title: "s = 0.25", "ρ = 4", "n = 1,000". */
export function sweepValueLabel(parameter: SweepParameter, value: number): string {
  return `${sweepSymbols[parameter]} = ${formatNumber(value)}`;
}

/** The measures a sweep charts (the input ring's thickness is only the reference of the ring's). */
export type SweepMetricKey = Exclude<keyof SweepPanelMetrics, 'inputRingThickness'>;

/** The panels' measures in the order the charts and the table show them, with their names. */
export const sweepMetricLabels: Record<SweepMetricKey, string> = {
  knnRecall10: '10-NN recall',
  classAccuracy10: 'class 10-NN accuracy',
  distanceCorrelation: 'distance correlation',
  ringThickness: 'ring thickness',
  nearOneShare: `pairs with ν ≥ ${HIGH_SIMILARITY}`,
  finalLoss: 'final loss',
};
const sweepMetricKeys = Object.keys(sweepMetricLabels) as SweepMetricKey[];

/** The measures at least one panel has (class accuracy needs labels, ring thickness a ring). */
export function definedMetrics(metrics: readonly SweepPanelMetrics[]): SweepMetricKey[] {
  return sweepMetricKeys.filter((key) => metrics.some((panel) => panel[key] !== undefined));
}

/** Ratios to three digits; the loss in nats as every loss in the app reads. */
export function formatMetric(key: SweepMetricKey, value: number): string {
  return key === 'finalLoss' ? formatLoss(value) : formatThreeDigits(value);
}
