import { format } from 'd3';
import { useMemo, useRef, useState } from 'react';
import { useExplorerStore } from '../../state/store';
import { formatInteger, formatPercent, formatThreeDigits } from '../format';
import { chartMargins, similarityColours } from './axes';
import { ChartFrame } from './ChartFrame';
import { ChartHitArea, ChartScrubber, useChartCursor } from './ChartScrubber';
import { HistogramPanel, type SimilarityKey } from './HistogramPanel';
import { HIGH_SIMILARITY, massAbove08 } from './histogramStats';
import { useElementWidth } from './useElementWidth';

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

/** The read-out of one bin: its range and each series' count there. */
function binReadout(bin: number, series: { key: SimilarityKey; counts: ArrayLike<number> }[]): string {
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
  const { cursor: cursorBin, setCursor: setCursorBin, leave, focus, blur } = useChartCursor<number>();
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

  function pointAt(fraction: number) {
    setCursorBin(Math.min(bins - 1, Math.max(0, Math.floor(fraction * bins))));
  }
  // Small multiples: one panel per series, stacked; else one panel with them all, overlaid.
  const panels = smallMultiples
    ? series.map((entry, index) => ({
        key: entry.key,
        series: [entry],
        top: chartMargins.top + index * (MULTIPLE_INNER_HEIGHT + MULTIPLE_GAP),
        innerHeight: MULTIPLE_INNER_HEIGHT,
        showXAxis: index === series.length - 1,
        title: entry.key,
      }))
    : [
        {
          key: 'overlay',
          series,
          top: chartMargins.top,
          innerHeight: plotHeight,
          showXAxis: true,
          title: undefined,
        },
      ];

  return (
    <figure className="histograms" ref={figureRef}>
      <figcaption className="chart-title">Similarity histograms</figcaption>
      <ChartFrame
        width={width}
        height={height}
        label="Similarity histograms"
        data={{ 'data-nu-epoch': histograms?.nu ? histograms.nuEpoch : undefined, ...dataAttributes }}
      >
        {panels.map((panel) => (
          <g key={panel.key} transform={`translate(${chartMargins.left},${panel.top})`}>
            <HistogramPanel
              series={panel.series}
              innerWidth={innerWidth}
              innerHeight={panel.innerHeight}
              cursorBin={cursorBin}
              logY={logY}
              yMax={yMax}
              showXAxis={panel.showXAxis}
              title={panel.title}
              titles={titles}
            />
          </g>
        ))}
        <ChartHitArea
          x={chartMargins.left}
          y={chartMargins.top}
          width={innerWidth}
          height={plotHeight}
          onPoint={pointAt}
          onLeave={leave}
        />
      </ChartFrame>
      <ChartScrubber
        label="Read the pair counts of similarity bin"
        valueText={cursorBin === null || series.length === 0 ? undefined : binReadout(cursorBin, series)}
        count={bins}
        position={cursorBin ?? Math.round(HIGH_SIMILARITY * bins)}
        disabled={series.length === 0}
        onPosition={setCursorBin}
        onFocus={() => focus((current) => current ?? Math.round(HIGH_SIMILARITY * bins))}
        onBlur={blur}
        plotLeft={chartMargins.left}
        plotWidth={innerWidth}
        readoutId="histogram-readout"
        readoutTestId="histogram-hover"
        readout={
          cursorBin === null || series.length === 0
            ? 'Point at the chart, or use the slider under it (← →, Home, End), to read a bin’s counts.'
            : binReadout(cursorBin, series)
        }
      />
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
