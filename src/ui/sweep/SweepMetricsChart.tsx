import { axisBottom, axisLeft, extent, line, scaleLinear, scaleLog } from 'd3';
import { useEffect, useRef } from 'react';
import { numberParameters } from '../../engine/parameters';
import type { SweepPanel } from '../../engine/sweep';
import type { SweepView } from '../../state/store';
import { chartMargins, drawBottomAxis, drawLeftAxis } from '../charts/axes';
import { LineSwatch } from '../charts/LineSwatch';
import { formatTick } from '../format';
import { describeDifference } from './configDifference';
import { definedMetrics, type SweepMetricKey, sweepMetricLabels } from './sweepLabels';

const WIDTH = 300;
const HEIGHT = 190;
const innerWidth = WIDTH - chartMargins.left - chartMargins.right;
const innerHeight = HEIGHT - chartMargins.top - chartMargins.bottom;
/** The end panels' marks sit this far inside the plot, clear of the axis line. */
const X_INSET = 6;

/** This sweep solid, the previous one dashed and grey: the eye goes to the current one. */
const seriesStyles = {
  current: { stroke: '#2f6db5', dash: undefined },
  previous: { stroke: '#7a8190', dash: '5 4' },
} as const;
type SeriesId = keyof typeof seriesStyles;

interface Series {
  id: SeriesId;
  points: { x: number; y: number }[];
}

function seriesOf(id: SeriesId, panels: readonly SweepPanel[], metric: SweepMetricKey, log: boolean): Series {
  const points = [];
  for (const { value, metrics } of panels) {
    const y = metrics[metric];
    // A log axis has no place for 0 (an earlier, evenly spaced sweep may start there).
    if (y !== undefined && Number.isFinite(y) && (!log || value > 0)) points.push({ x: value, y });
  }
  return { id, points: points.sort((a, b) => a.x - b.x) };
}

/** [low, high] of the values, widened when they are one value, so the scale has a range. */
function spanOf(values: number[], log: boolean): [number, number] {
  const [low = 0, high = 1] = extent(values);
  if (low < high) return [low, high];
  return log ? [low / 2, high * 2] : [low - (Math.abs(low) || 1) * 0.1, high + (Math.abs(high) || 1) * 0.1];
}

/** One measure against the swept value, each panel a marked point. */
function MetricChart({
  metric,
  series,
  log,
  xTitle,
}: {
  metric: SweepMetricKey;
  series: Series[];
  log: boolean;
  xTitle: string;
}) {
  const xAxisRef = useRef<SVGGElement>(null);
  const yAxisRef = useRef<SVGGElement>(null);
  const all = series.flatMap((one) => one.points);
  const x = (log ? scaleLog() : scaleLinear())
    .domain(
      spanOf(
        all.map((point) => point.x),
        log,
      ),
    )
    .range([X_INSET, innerWidth - X_INSET]);
  const y = scaleLinear()
    .domain(
      spanOf(
        all.map((point) => point.y),
        false,
      ),
    )
    .range([innerHeight, 0])
    .nice();

  useEffect(() => {
    if (xAxisRef.current) drawBottomAxis(xAxisRef.current, axisBottom(x).ticks(4, '~g'), xTitle, innerWidth);
    if (yAxisRef.current) {
      const axis = axisLeft(y).ticks(4);
      drawLeftAxis(
        yAxisRef.current,
        metric === 'finalLoss' ? axis.tickFormat(formatTick) : axis,
        sweepMetricLabels[metric],
        innerHeight,
      );
    }
  }, [x, y, xTitle, metric]);

  const path = line<{ x: number; y: number }>()
    .x((point) => x(point.x))
    .y((point) => y(point.y));
  return (
    <svg
      className="sweep-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`${sweepMetricLabels[metric]} against ${xTitle}`}
      data-metric={metric}
    >
      <g transform={`translate(${chartMargins.left},${chartMargins.top})`}>
        <g ref={xAxisRef} className="axis" transform={`translate(0,${innerHeight})`} />
        <g ref={yAxisRef} className="axis" />
        {series.map(({ id, points }) => {
          const { stroke, dash } = seriesStyles[id];
          return (
            <g key={id} data-series={id}>
              <path
                d={path(points) ?? undefined}
                fill="none"
                stroke={stroke}
                strokeWidth={1.8}
                strokeDasharray={dash}
              />
              {points.map((point) => (
                <circle
                  key={point.x}
                  cx={x(point.x)}
                  cy={y(point.y)}
                  r={3}
                  fill={id === 'current' ? stroke : '#fff'}
                  stroke={stroke}
                  strokeWidth={1.5}
                />
              ))}
            </g>
          );
        })}
      </g>
    </svg>
  );
}

/**
 * Each measure the panels have, against the swept value (a log axis for a log-spaced sweep). The
 * previous sweep of the same parameter is drawn dashed, named by what its settings did differently.
 */
export function SweepMetricsChart({ sweep, previous }: { sweep: SweepView; previous: SweepView | null }) {
  const { parameter, scale } = sweep.spec;
  const log = scale === 'log';
  const earlier = previous && previous.spec.parameter === parameter ? previous : null;
  const metrics = definedMetrics(sweep.panels.map((panel) => panel.metrics));
  const xTitle = numberParameters[parameter].label;
  if (metrics.length === 0) return null;
  return (
    <div className="sweep-metrics">
      <div className="sweep-charts">
        {metrics.map((metric) => {
          const series = [seriesOf('current', sweep.panels, metric, log)];
          if (earlier) series.push(seriesOf('previous', earlier.panels, metric, log));
          return <MetricChart key={metric} metric={metric} series={series} log={log} xTitle={xTitle} />;
        })}
      </div>
      {earlier && (
        <ul className="compare-legend" aria-label="Sweeps compared">
          <li>
            <LineSwatch width={26} stroke={seriesStyles.current.stroke} strokeWidth={1.8} dash={undefined} />
            this sweep
          </li>
          <li data-testid="sweep-previous-label">
            <LineSwatch
              width={26}
              stroke={seriesStyles.previous.stroke}
              strokeWidth={1.8}
              dash={seriesStyles.previous.dash}
            />
            previous: {describeDifference(earlier.base, sweep.base, parameter)}
          </li>
        </ul>
      )}
    </div>
  );
}
