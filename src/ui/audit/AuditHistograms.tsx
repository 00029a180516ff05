import { useMemo, useRef, useState } from 'react';
import type { UmapAudit } from '../../engine/import';
import { chartMargins, similarityColours } from '../charts/axes';
import { ChartFrame } from '../charts/ChartFrame';
import { HistogramPanel, type SimilarityKey } from '../charts/HistogramPanel';
import { useElementWidth } from '../charts/useElementWidth';

const titles: Record<SimilarityKey, string> = {
  mu: 'μ (your graph)',
  nuStar: 'ν* (target, eq. 15)',
  nu: 'ν (your layout)',
};
const keys = ['mu', 'nuStar', 'nu'] as const;

const DEFAULT_WIDTH = 480;
const HEIGHT = 220;

/** Fig. 4 for their UMAP: the μ, ν* and ν histograms of the graph's pairs, overlaid as the main chart draws them. */
export function AuditHistograms({ audit }: { audit: UmapAudit }) {
  const [logY, setLogY] = useState(false);
  const figureRef = useRef<HTMLElement>(null);
  const width = useElementWidth(figureRef, DEFAULT_WIDTH);
  const innerWidth = width - chartMargins.left - chartMargins.right;
  const innerHeight = HEIGHT - chartMargins.top - chartMargins.bottom;
  const series = useMemo(() => keys.map((key) => ({ key, counts: audit.histograms[key] })), [audit]);
  const yMax = useMemo(() => Math.max(1, ...series.flatMap(({ counts }) => Array.from(counts))), [series]);
  return (
    <figure className="audit-histograms" ref={figureRef}>
      <figcaption className="chart-title">μ, ν*, ν histograms of your UMAP</figcaption>
      <ChartFrame
        width={width}
        height={HEIGHT}
        label="μ, ν*, ν histograms of your UMAP"
        data={{ 'data-nu-star-counts': Array.from(audit.histograms.nuStar).join(',') }}
      >
        <g transform={`translate(${chartMargins.left},${chartMargins.top})`}>
          <HistogramPanel
            series={series}
            innerWidth={innerWidth}
            innerHeight={innerHeight}
            cursorBin={null}
            logY={logY}
            yMax={yMax}
            showXAxis
            titles={titles}
          />
        </g>
      </ChartFrame>
      <ul className="chart-legend histogram-legend">
        {keys.map((key) => (
          <li key={key}>
            <span className="swatch" style={{ background: similarityColours[key] }} aria-hidden="true" />
            <span>{titles[key]}</span>
          </li>
        ))}
      </ul>
      <label className="chart-option">
        <input type="checkbox" checked={logY} onChange={(event) => setLogY(event.target.checked)} /> pair
        counts on a log scale
      </label>
      <p className="chart-equation">
        100 bins on [0, 1] over your graph’s stored pairs. If your UMAP ran umap-learn’s sampling, ν follows
        ν* (eq. 15), not μ.
      </p>
    </figure>
  );
}
