import { axisBottom, axisLeft, curveStepAfter, format, line, scaleLinear, scaleLog } from 'd3';
import { type PointerEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useExplorerStore } from '../../state/store';
import { formatInteger, formatPercent, formatThreeDigits, formatTick } from '../format';
import { chartMargins, drawBottomAxis, drawLeftAxis, powersOfTen, similarityColours } from './axes';
import { HIGH_SIMILARITY, massAbove08 } from './histogramStats';
import { useElementWidth } from './useElementWidth';

type SimilarityKey = keyof typeof similarityColours;

const defaultTitles: Record<SimilarityKey, string> = {
  mu: 'μ (input)',
  nuStar: 'ν* (target, eq. 15)',
  nu: 'ν (embedding)',
};
/** Under corrected sampling (§7.3) the targets are μ; ν* is UMAP's target, not this run's. */
const correctedTitles: Record<SimilarityKey, string> = {
  mu: 'μ (input) — targets = μ (§7.3)',
  nuStar: 'ν* (UMAP sampling’s target, not this run’s)',
  nu: 'ν (embedding)',
};
const symbols: Record<SimilarityKey, string> = { mu: 'μ', nuStar: 'ν*', nu: 'ν' };
const binEdge = format('.2f');
const dataNames: Record<SimilarityKey, string> = { mu: 'mu', nuStar: 'nustar', nu: 'nu' };

/** Width before the figure is measured. */
const DEFAULT_WIDTH = 480;
const OVERLAY_HEIGHT = 240;
/** Small multiples: height of each plotting area and the gap between them. */
const MULTIPLE_INNER_HEIGHT = 64;
const MULTIPLE_GAP = 14;

export { massAbove08 };

interface PanelProps {
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
function Panel({
  series,
  innerWidth,
  innerHeight,
  cursorBin,
  logY,
  yMax,
  showXAxis,
  title,
  titles,
}: PanelProps) {
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

/** The read-out of one bin: its range and each series' count there. */
export function binReadout(bin: number, series: { key: SimilarityKey; counts: ArrayLike<number> }[]): string {
  const bins = series[0]?.counts.length ?? 100;
  const low = bin / bins;
  const high = (bin + 1) / bins;
  const range = bin === bins - 1 ? `[${binEdge(low)}, 1]` : `[${binEdge(low)}, ${binEdge(high)})`;
  const counts = series.map(({ key, counts }) => `${symbols[key]} ${formatInteger(counts[bin])}`).join(' · ');
  return `similarity ${range}: ${counts} pairs`;
}

/** Fig. 4: histograms of the input similarities μ, the targets ν* and the embedding's ν. */
export function Histograms() {
  const histograms = useExplorerStore((state) => state.histograms);
  const corrected = useExplorerStore((state) => state.frame?.config.sampling === 'corrected');
  const [logY, setLogY] = useState(false);
  const [smallMultiples, setSmallMultiples] = useState(false);
  const [cursorBin, setCursorBin] = useState<number | null>(null);
  const figureRef = useRef<HTMLElement>(null);
  const width = useElementWidth(figureRef, DEFAULT_WIDTH);
  const innerWidth = width - chartMargins.left - chartMargins.right;
  const titles = corrected ? correctedTitles : defaultTitles;

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
  const bins = series[0]?.counts.length ?? 100;
  const pairs = histograms?.pairs;

  const height = smallMultiples
    ? chartMargins.top +
      series.length * MULTIPLE_INNER_HEIGHT +
      (series.length - 1) * MULTIPLE_GAP +
      chartMargins.bottom
    : OVERLAY_HEIGHT;
  const plotHeight = height - chartMargins.top - chartMargins.bottom;
  const dataAttributes = Object.fromEntries(
    series.map(({ key }) => [`data-mass-above-08-${dataNames[key]}`, masses[key]]),
  );

  function pointerBin(event: PointerEvent<SVGRectElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    const fraction = (event.clientX - box.left) / box.width;
    setCursorBin(Math.min(bins - 1, Math.max(0, Math.floor(fraction * bins))));
  }

  return (
    <figure className="histograms" ref={figureRef}>
      <figcaption className="chart-title">Similarity histograms</figcaption>
      <div className="chart-frame">
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
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
                    innerWidth={innerWidth}
                    innerHeight={MULTIPLE_INNER_HEIGHT}
                    cursorBin={cursorBin}
                    logY={logY}
                    yMax={yMax}
                    showXAxis={last}
                    title={entry.key}
                    titles={titles}
                  />
                </g>
              );
            })
          ) : (
            <g transform={`translate(${chartMargins.left},${chartMargins.top})`}>
              <Panel
                series={series}
                innerWidth={innerWidth}
                innerHeight={plotHeight}
                cursorBin={cursorBin}
                logY={logY}
                yMax={yMax}
                showXAxis
                titles={titles}
              />
            </g>
          )}
          <rect
            className="chart-hit"
            x={chartMargins.left}
            y={chartMargins.top}
            width={innerWidth}
            height={plotHeight}
            fill="transparent"
            onPointerMove={pointerBin}
            onPointerDown={pointerBin}
            onPointerLeave={() => setCursorBin(null)}
          />
        </svg>
      </div>
      <input
        type="range"
        className="chart-scrubber"
        aria-label="Read the pair counts of similarity bin"
        aria-valuetext={cursorBin === null || series.length === 0 ? undefined : binReadout(cursorBin, series)}
        min={0}
        max={bins - 1}
        step={1}
        value={cursorBin ?? Math.round(HIGH_SIMILARITY * bins)}
        disabled={series.length === 0}
        onChange={(event) => setCursorBin(Number(event.target.value))}
        onFocus={() => setCursorBin((current) => current ?? Math.round(HIGH_SIMILARITY * bins))}
        onBlur={() => setCursorBin(null)}
        style={{ marginLeft: chartMargins.left, width: innerWidth }}
      />
      <p className="chart-readout" id="histogram-readout" data-testid="histogram-hover" aria-live="polite">
        {cursorBin === null || series.length === 0
          ? 'Point at the chart, or use the slider under it (← →, Home, End), to read a bin’s counts.'
          : binReadout(cursorBin, series)}
      </p>
      <ul className="chart-legend histogram-legend">
        {(['mu', 'nuStar', 'nu'] as const).map((key) => (
          <li key={key} data-testid={`mass-${dataNames[key]}`}>
            <span className="swatch" style={{ background: similarityColours[key] }} aria-hidden="true" />
            <span>
              {titles[key]}
              {key === 'nu' && histograms?.nu && ` at epoch ${formatInteger(histograms.nuEpoch)}`}:{' '}
              {masses[key] === undefined
                ? 'not yet evaluated'
                : `${formatPercent(masses[key])} of pairs ≥ 0.8`}
            </span>
          </li>
        ))}
        {pairs && (
          <li data-testid="pair-distances">
            pair by pair: mean |ν − ν*| = {formatThreeDigits(pairs.meanAbsNuMinusTarget)}, mean |ν − μ| ={' '}
            {formatThreeDigits(pairs.meanAbsNuMinusMu)}; ν nearer ν* than μ for{' '}
            {formatPercent(pairs.nearerTarget)} of pairs
          </li>
        )}
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
        {corrected
          ? 'Corrected sampling (§7.3) repels with weight 1 − μᵢⱼ: the optimizer descends eq. 6, so the targets = μ (§7.3) and ν should follow μ. ν* (orange) is what UMAP’s own sampling would aim at; '
          : 'ν*ᵢⱼ = μᵢⱼ / (μᵢⱼ + (dᵢ + dⱼ)m / 2n) (eq. 15): the similarities UMAP’s sampling actually drives ν towards; '}
        100 bins on [0, 1] over the stored pairs.
      </p>
    </figure>
  );
}
