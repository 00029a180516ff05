import {
  axisBottom,
  axisLeft,
  brush,
  interpolateBlues,
  line,
  rgb,
  scaleLinear,
  scaleSequentialLog,
  select,
} from 'd3';
import { useEffect, useRef } from 'react';
import type { PairViews as PairViewsData } from '../../engine/frame';
import type { ExplorerState } from '../../state/store';
import { useExplorerStore } from '../../state/store';
import { useThrottledStoreValue } from '../../state/useThrottledStoreValue';
import { targetSimilarity } from '../claims/runMeasures';
import { formatInteger, formatPercent, formatThreeDigits } from '../format';
import { useRunClient } from '../runClientContext';
import { drawBottomAxis, drawLeftAxis, similarityColours } from './axes';

const INNER = 180;
const MARGIN = { top: 8, right: 10, bottom: 38, left: 46 };
const CURVE_POINTS = 101;
/** Up to 2 × 1 600 cells: redrawn once a second, so the page stays light while a run streams. */
const PAIRS_INTERVAL_MS = 1000;

/** Both axes are similarities in [0, 1]. */
const x = scaleLinear().domain([0, 1]).range([0, INNER]);
const y = scaleLinear().domain([0, 1]).range([INNER, 0]);

const selectHistograms = (state: ExplorerState) => state.histograms;

type PairView = 'target' | 'mu';

export interface PlotProps {
  view: PairView;
  /** Names the plot among others of its kind ("Your UMAP's pairs"): its label and test id. */
  name?: { label: string; testId: string };
  /** Brushing selects the pairs' points in the main scatter (the run's pairs only). */
  brushable?: boolean;
  counts: Uint32Array;
  bins: number;
  xTitle: string;
  /** Curves over x ∈ [0, 1] drawn on the density: the identity, and ν*(μ) on the μ view. */
  curves: { name: string; points: [number, number][]; colour: string; dashed?: boolean }[];
}

/** A 2-D histogram of the stored pairs (x against ν), log-coloured, with a brush that selects pairs. */
function DensityPlot({
  view,
  name = { label: 'Pairs', testId: 'pairs' },
  brushable = true,
  counts,
  bins,
  xTitle,
  curves,
}: PlotProps) {
  const client = useRunClient();
  const xAxisRef = useRef<SVGGElement>(null);
  const yAxisRef = useRef<SVGGElement>(null);
  const brushRef = useRef<SVGGElement>(null);
  const cellsRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const context = cellsRef.current?.getContext('2d');
    if (!context) return;
    let max = 1;
    for (const count of counts) if (count > max) max = count;
    const colour = scaleSequentialLog(interpolateBlues).domain([1, Math.max(2, max)]);
    const image = context.createImageData(bins, bins);
    for (let row = 0; row < bins; row++) {
      for (let column = 0; column < bins; column++) {
        const count = counts[row * bins + column];
        if (count === 0) continue;
        const { r, g, b } = rgb(colour(count));
        // Row 0 is ν ∈ [0, 1/bins): the bottom line of the image.
        const p = 4 * ((bins - 1 - row) * bins + column);
        image.data[p] = r;
        image.data[p + 1] = g;
        image.data[p + 2] = b;
        image.data[p + 3] = 255;
      }
    }
    context.putImageData(image, 0, 0);
  }, [counts, bins]);

  useEffect(() => {
    if (xAxisRef.current) drawBottomAxis(xAxisRef.current, axisBottom(x).ticks(5), xTitle, INNER);
    if (yAxisRef.current) drawLeftAxis(yAxisRef.current, axisLeft(y).ticks(5), 'ν (embedding)', INNER);
  });

  useEffect(() => {
    const node = brushRef.current;
    if (!node || !client || !brushable) return;
    const behaviour = brush<unknown>()
      .extent([
        [0, 0],
        [INNER, INNER],
      ])
      .on('end', (event: { selection: [[number, number], [number, number]] | null }) => {
        const store = useExplorerStore.getState();
        if (!event.selection) {
          store.setHighlight(null);
          return;
        }
        const [[px0, py0], [px1, py1]] = event.selection;
        const box = { x0: x.invert(px0), x1: x.invert(px1), y0: y.invert(py1), y1: y.invert(py0) };
        const runId = useExplorerStore.getState().frame?.runId ?? 0;
        void client.pairPoints(view, box).then((points) => {
          const store = useExplorerStore.getState();
          // A restart while the worker answered: the indices belong to the previous run.
          if (store.frame?.runId !== runId || store.minRunId > runId) return;
          store.setHighlight(points);
        });
      });
    select(node).call(behaviour);
    return () => {
      select(node).on('.brush', null);
    };
  }, [client, view, brushable]);

  const path = line<[number, number]>()
    .x(([u]) => x(u))
    .y(([, v]) => y(v));
  return (
    <svg
      width={INNER + MARGIN.left + MARGIN.right}
      height={INNER + MARGIN.top + MARGIN.bottom}
      role="img"
      aria-label={`${name.label}: ν against ${xTitle}`}
      data-testid={`${name.testId}-${view}`}
    >
      <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
        {/* One pixel per cell, scaled up: a canvas draws 1 600 cells far faster than as many SVG rects. */}
        <foreignObject width={INNER} height={INNER}>
          <canvas ref={cellsRef} width={bins} height={bins} className="pair-cells" />
        </foreignObject>
        {curves.map((curve) => (
          <path
            key={curve.name}
            d={path(curve.points) ?? ''}
            fill="none"
            stroke={curve.colour}
            strokeWidth={1.5}
            strokeDasharray={curve.dashed ? '4 3' : undefined}
          >
            <title>{curve.name}</title>
          </path>
        ))}
        <g ref={xAxisRef} transform={`translate(0,${INNER})`} />
        <g ref={yAxisRef} />
        <g ref={brushRef} className="pair-brush" />
      </g>
    </svg>
  );
}

const diagonal: [number, number][] = [
  [0, 0],
  [1, 1],
];

/**
 * The two density plots of a set of pairs: ν against ν* with the diagonal ν = ν*, and ν against μ
 * with the diagonal ν = μ and `targetCurves` (the μ → ν* map of eq. 15). The run's (brushable) and
 * an audited UMAP's (named apart, not brushable) share them.
 */
export function PairDensityPlots({
  pairs,
  muTitle,
  targetCurves,
  name,
  brushable,
}: {
  pairs: PairViewsData;
  muTitle: string;
  targetCurves: PlotProps['curves'];
  name?: PlotProps['name'];
  brushable?: boolean;
}) {
  const shared = { name, brushable, bins: pairs.bins };
  return (
    <div className="pair-plots">
      <DensityPlot
        {...shared}
        view="target"
        counts={pairs.nuVsTarget}
        xTitle="ν* (target, eq. 15)"
        curves={[{ name: 'ν = ν*', points: diagonal, colour: '#555', dashed: true }]}
      />
      <DensityPlot
        {...shared}
        view="mu"
        counts={pairs.nuVsMu}
        xTitle={muTitle}
        curves={[{ name: 'ν = μ', points: diagonal, colour: '#555', dashed: true }, ...targetCurves]}
      />
    </div>
  );
}

/**
 * Per-pair views (Fig. 4, measured pair by pair): ν of every stored pair against its target ν*
 * (eq. 15) and against its input μ, with the mean distances as numbers, and the μ → ν* curve of
 * the current n, m and degrees (§6). Brushing a region highlights its pairs' points in the scatter.
 */
export function PairViews() {
  // Throttled as a whole, so the numbers and the epoch they were measured at always agree.
  const histograms = useThrottledStoreValue(useExplorerStore, selectHistograms, PAIRS_INTERVAL_MS);
  const pairs: PairViewsData | null = histograms?.pairs ?? null;
  const config = useExplorerStore((state) => state.frame?.config);
  const runInfo = useExplorerStore((state) => state.runInfo);
  const highlighted = useExplorerStore((state) => state.highlight?.length ?? 0);

  if (!pairs || !config || !runInfo) {
    return (
      <section className="pair-views" aria-label="Per-pair views">
        <h2>Per pair: ν against ν* and μ</h2>
        <p className="muted">Shown once the run has an embedding.</p>
      </section>
    );
  }
  const muGrid = Array.from({ length: CURVE_POINTS }, (_, i) => i / (CURVE_POINTS - 1));
  const corrected = config.sampling === 'corrected';
  const targetCurves = [
    {
      name: `ν* with the mean degree d̄ = ${formatThreeDigits(runInfo.meanDegree)}`,
      points: muGrid.map((mu): [number, number] => [
        mu,
        targetSimilarity(mu, runInfo.meanDegree, config.m, runInfo.n),
      ]),
      colour: similarityColours.nuStar,
    },
    {
      name: `ν* with d = log₂ k = ${formatThreeDigits(Math.log2(config.k))} (App. H.4)`,
      points: muGrid.map((mu): [number, number] => [
        mu,
        targetSimilarity(mu, Math.log2(config.k), config.m, runInfo.n),
      ]),
      colour: similarityColours.nuStar,
      dashed: true,
    },
  ];
  return (
    <section className="pair-views" aria-label="Per-pair views">
      <h2>Per pair: ν against ν* and μ</h2>
      <p className="chart-note">
        ν of the embedding at epoch <span data-testid="pairs-epoch">{histograms?.nuEpoch}</span>.
      </p>
      <dl className="pair-stats">
        <div>
          <dt>mean |ν − ν*|</dt>
          <dd data-testid="mean-nu-target">{formatThreeDigits(pairs.meanAbsNuMinusTarget)}</dd>
        </div>
        <div>
          <dt>mean |ν − μ|</dt>
          <dd data-testid="mean-nu-mu">{formatThreeDigits(pairs.meanAbsNuMinusMu)}</dd>
        </div>
        <div>
          <dt>pairs nearer ν* than μ</dt>
          <dd data-testid="nearer-target">{formatPercent(pairs.nearerTarget)}</dd>
        </div>
      </dl>
      <PairDensityPlots pairs={pairs} muTitle="μ (input)" targetCurves={corrected ? [] : targetCurves} />
      <p className="chart-note">
        {corrected
          ? 'Corrected sampling (§7.3): the targets are μ, so ν should follow the diagonal of the right plot.'
          : 'Orange: the μ → ν* map of eq. 15 for this n and m, with the run’s mean degree (solid) and with d = log₂ k (dashed, the paper’s App. H.4 bound).'}{' '}
        Drag over a plot to highlight the points of those pairs in the scatter.
        {highlighted > 0 && (
          <>
            {' '}
            {formatInteger(highlighted)} points highlighted.{' '}
            <button type="button" onClick={() => useExplorerStore.getState().setHighlight(null)}>
              Clear selection
            </button>
          </>
        )}
      </p>
    </section>
  );
}
