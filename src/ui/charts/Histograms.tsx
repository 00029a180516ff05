import { axisBottom, axisLeft, curveStepAfter, line, scaleLinear, scaleLog } from 'd3';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useExplorerStore } from '../../state/store';
import { formatInteger, formatPercent, formatTick } from '../format';
import { chartMargins, drawBottomAxis, drawLeftAxis, powersOfTen, similarityColours } from './axes';

type SimilarityKey = keyof typeof similarityColours;

const titles: Record<SimilarityKey, string> = {
  mu: 'μ (input)',
  nuStar: 'ν* (target, eq. 15)',
  nu: 'ν (embedding)',
};
const dataNames: Record<SimilarityKey, string> = { mu: 'mu', nuStar: 'nustar', nu: 'nu' };

/** The paper's Fig. 4 threshold: the share of a histogram's mass at similarities ≥ 0.8. */
const HIGH_SIMILARITY_BIN = 80;

const WIDTH = 480;
const OVERLAY_HEIGHT = 240;
/** Small multiples: height of each plotting area and the gap between them. */
const MULTIPLE_INNER_HEIGHT = 64;
const MULTIPLE_GAP = 14;
const innerWidth = WIDTH - chartMargins.left - chartMargins.right;

/** Share of the counts in bins ≥ 80, i.e. of the pairs with similarity ≥ 0.8. */
export function massAbove08(counts: Float64Array): number {
  let total = 0;
  let high = 0;
  for (let b = 0; b < counts.length; b++) {
    total += counts[b];
    if (b >= HIGH_SIMILARITY_BIN) high += counts[b];
  }
  return total > 0 ? high / total : 0;
}

interface PanelProps {
  series: { key: SimilarityKey; counts: Float64Array }[];
  innerHeight: number;
  logY: boolean;
  yMax: number;
  showXAxis: boolean;
  title?: string;
}

/** One plotting area: the given histograms as step curves on a shared x = similarity axis. */
function Panel({ series, innerHeight, logY, yMax, showXAxis, title }: PanelProps) {
  const xAxisRef = useRef<SVGGElement>(null);
  const yAxisRef = useRef<SVGGElement>(null);
  const x = useMemo(() => scaleLinear().domain([0, 1]).range([0, innerWidth]), []);
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
    if (xAxisRef.current) drawBottomAxis(xAxisRef.current, axisBottom(x).ticks(10), 'similarity', innerWidth);
    if (yAxisRef.current) {
      const title = logY ? 'pairs (log, +1)' : 'pairs';
      const axis = logY
        ? axisLeft(y).tickValues(powersOfTen(y.domain()))
        : axisLeft(y).ticks(showXAxis ? 5 : 3);
      drawLeftAxis(yAxisRef.current, axis.tickFormat(formatTick), title, innerHeight);
    }
  }, [x, y, logY, innerHeight, showXAxis]);

  return (
    <g>
      {showXAxis && <g ref={xAxisRef} className="axis" transform={`translate(0,${innerHeight})`} />}
      <g ref={yAxisRef} className="axis" />
      <line x1={x(0.8)} x2={x(0.8)} y1={0} y2={innerHeight} stroke="#9aa1ad" strokeDasharray="3 3" />
      {title && (
        <text x={innerWidth - 4} y={12} textAnchor="end" className="panel-title">
          {title}
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

/** Fig. 4: histograms of the input similarities μ, the targets ν* and the embedding's ν. */
export function Histograms() {
  const histograms = useExplorerStore((state) => state.histograms);
  const [logY, setLogY] = useState(false);
  const [smallMultiples, setSmallMultiples] = useState(false);

  const series = useMemo(() => {
    if (!histograms) return [];
    const list: { key: SimilarityKey; counts: Float64Array }[] = [
      { key: 'mu', counts: histograms.mu },
      { key: 'nuStar', counts: histograms.nuStar },
    ];
    if (histograms.nu) list.push({ key: 'nu', counts: histograms.nu });
    return list;
  }, [histograms]);
  const masses = useMemo(
    () => Object.fromEntries(series.map(({ key, counts }) => [key, massAbove08(counts)])),
    [series],
  ) as Partial<Record<SimilarityKey, number>>;
  const yMax = useMemo(() => {
    let max = 1;
    for (const { counts } of series) for (let b = 0; b < counts.length; b++) max = Math.max(max, counts[b]);
    return max;
  }, [series]);

  const height = smallMultiples
    ? chartMargins.top +
      series.length * MULTIPLE_INNER_HEIGHT +
      (series.length - 1) * MULTIPLE_GAP +
      chartMargins.bottom
    : OVERLAY_HEIGHT;
  const dataAttributes = Object.fromEntries(
    series.map(({ key }) => [`data-mass-above-08-${dataNames[key]}`, masses[key]]),
  );

  return (
    <figure className="histograms">
      <figcaption className="chart-title">Similarity histograms</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label="Similarity histograms"
        data-nu-epoch={histograms?.nu ? histograms.nuEpoch : undefined}
        {...dataAttributes}
      >
        {smallMultiples ? (
          series.map((entry, index) => {
            const last = index === series.length - 1;
            const offset = chartMargins.top + index * (MULTIPLE_INNER_HEIGHT + MULTIPLE_GAP);
            return (
              <g key={entry.key} transform={`translate(${chartMargins.left},${offset})`}>
                <Panel
                  series={[entry]}
                  innerHeight={MULTIPLE_INNER_HEIGHT}
                  logY={logY}
                  yMax={yMax}
                  showXAxis={last}
                  title={titles[entry.key]}
                />
              </g>
            );
          })
        ) : (
          <g transform={`translate(${chartMargins.left},${chartMargins.top})`}>
            <Panel
              series={series}
              innerHeight={OVERLAY_HEIGHT - chartMargins.top - chartMargins.bottom}
              logY={logY}
              yMax={yMax}
              showXAxis
            />
          </g>
        )}
      </svg>
      <ul className="chart-legend histogram-legend">
        {(['mu', 'nuStar', 'nu'] as const).map((key) => (
          <li key={key} data-testid={`mass-${dataNames[key]}`}>
            <span className="swatch" style={{ background: similarityColours[key] }} aria-hidden="true" />
            {titles[key]}
            {key === 'nu' && histograms?.nu && ` at epoch ${formatInteger(histograms.nuEpoch)}`}:{' '}
            {masses[key] === undefined ? 'not yet evaluated' : `${formatPercent(masses[key])} of pairs ≥ 0.8`}
          </li>
        ))}
      </ul>
      <div className="chart-options">
        <label className="chart-option">
          <input type="checkbox" checked={logY} onChange={(event) => setLogY(event.target.checked)} />{' '}
          log-scale pair counts
        </label>
        <label className="chart-option">
          <input
            type="checkbox"
            checked={smallMultiples}
            onChange={(event) => setSmallMultiples(event.target.checked)}
          />{' '}
          small multiples
        </label>
      </div>
      <p className="chart-equation">
        ν*ᵢⱼ = μᵢⱼ / (μᵢⱼ + (dᵢ + dⱼ)m / 2n) (eq. 15): the similarities UMAP's sampling actually drives ν
        towards; 100 bins on [0, 1] over the stored pairs.
      </p>
    </figure>
  );
}
