import { formatNumber } from '../../engine/messages';
import { numberParameters } from '../../engine/parameters';
import type { SweepView } from '../../state/store';
import { formatThreeDigits } from '../format';
import { definedMetrics, formatMetric, sweepMetricLabels } from './sweepLabels';

/** The charts' numbers as a table: one row per finished panel, for reading exactly and for screen readers. */
export function SweepMetricTable({ sweep }: { sweep: SweepView }) {
  const { panels, spec } = sweep;
  const metrics = definedMetrics(panels.map((panel) => panel.metrics));
  if (panels.length === 0) return null;
  return (
    <table className="sweep-table" aria-label="Sweep metrics">
      <thead>
        <tr>
          <th scope="col">{numberParameters[spec.parameter].label}</th>
          {metrics.map((metric) => (
            <th key={metric} scope="col">
              {sweepMetricLabels[metric]}
            </th>
          ))}
          <th scope="col">seconds</th>
        </tr>
      </thead>
      <tbody>
        {panels.map((panel, index) => (
          <tr key={panel.value}>
            <th scope="row">{formatNumber(panel.value)}</th>
            {metrics.map((metric) => {
              const value = panel.metrics[metric];
              return (
                <td key={metric} data-testid={`sweep-metric-${metric}-${index}`} data-value={value}>
                  {value === undefined ? '–' : formatMetric(metric, value)}
                </td>
              );
            })}
            <td data-column="seconds">{formatThreeDigits(panel.seconds)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
