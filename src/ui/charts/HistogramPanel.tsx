import { axisBottom, axisLeft, curveStepAfter, line, scaleLinear, scaleLog } from 'd3';
import { useEffect, useMemo, useRef } from 'react';
import { formatTick } from '../format';
import { drawBottomAxis, drawLeftAxis, powersOfTen, similarityColours } from './axes';

export type SimilarityKey = keyof typeof similarityColours;

interface HistogramPanelProps {
  series: { key: SimilarityKey; counts: Float64Array }[];
  innerWidth: number;
  innerHeight: number;
  /** Bin under the read-out cursor, highlighted. */
  cursorBin: number | null;
  logY: boolean;
  yMax: number;
  showXAxis: boolean;
  title?: SimilarityKey;
  titles: Record<SimilarityKey, string>;
}

/** One plotting area: the given histograms as step curves on a shared x = similarity axis. */
export function HistogramPanel({
  series,
  innerWidth,
  innerHeight,
  cursorBin,
  logY,
  yMax,
  showXAxis,
  title,
  titles,
}: HistogramPanelProps) {
  const xAxisRef = useRef<SVGGElement>(null);
  const yAxisRef = useRef<SVGGElement>(null);
  const x = useMemo(() => scaleLinear().domain([0, 1]).range([0, innerWidth]), [innerWidth]);
  // Log y shows count + 1 so that empty bins sit on the axis instead of at −∞.
  const y = useMemo(
    () =>
      logY
        ? scaleLog()
            .domain([1, yMax + 1])
            .range([innerHeight, 0])
            .nice()
        : scaleLinear().domain([0, yMax]).range([innerHeight, 0]).nice(),
    [logY, yMax, innerHeight],
  );
  useEffect(() => {
    if (xAxisRef.current)
      drawBottomAxis(
        xAxisRef.current,
        axisBottom(x).ticks(Math.min(10, Math.max(4, Math.round(innerWidth / 45)))),
        'similarity',
        innerWidth,
      );
    if (yAxisRef.current) {
      const title = logY ? 'pairs (log, +1)' : 'pairs';
      const axis = logY
        ? axisLeft(y).tickValues(powersOfTen(y.domain()))
        : axisLeft(y).ticks(showXAxis ? 5 : 3);
      drawLeftAxis(yAxisRef.current, axis.tickFormat(formatTick), title, innerHeight);
    }
  }, [x, y, logY, innerWidth, innerHeight, showXAxis]);

  const bins = series[0]?.counts.length ?? 100;
  return (
    <g>
      {cursorBin !== null && (
        <rect
          className="chart-cursor-bin"
          x={x(cursorBin / bins)}
          width={Math.max(1, x(1 / bins) - x(0))}
          y={0}
          height={innerHeight}
          pointerEvents="none"
        />
      )}
      {showXAxis && <g ref={xAxisRef} className="axis" transform={`translate(0,${innerHeight})`} />}
      <g ref={yAxisRef} className="axis" />
      <line x1={x(0.8)} x2={x(0.8)} y1={0} y2={innerHeight} stroke="#9aa1ad" strokeDasharray="3 3" />
      {title && (
        <text x={innerWidth - 4} y={12} textAnchor="end" className="panel-title">
          {titles[title]}
        </text>
      )}
      {series.map(({ key, counts }) => {
        // Bin b covers [b/B, (b+1)/B); a last point at 1 closes the final step.
        const bins = counts.length;
        const points = Array.from({ length: bins + 1 }, (_, b) => b);
        const path = line<number>()
          .curve(curveStepAfter)
          .x((b) => x(b / bins))
          .y((b) => {
            const count = counts[Math.min(b, bins - 1)];
            return y(logY ? count + 1 : count);
          })(points);
        return (
          <path
            key={key}
            d={path ?? undefined}
            fill="none"
            stroke={similarityColours[key]}
            strokeWidth={1.6}
            data-series={key}
          />
        );
      })}
    </g>
  );
}
