import { area, axisBottom, axisLeft, line, scaleLinear, scaleLog } from 'd3';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type ExplorerState, useExplorerStore } from '../../state/store';
import { useThrottledStoreValue } from '../../state/useThrottledStoreValue';
import { latestTotals } from '../claims/latestLosses';
import { formatInteger, formatLoss, formatTick } from '../format';
import { chartMargins, drawBottomAxis, drawLeftAxis, lossColours, powersOfTen } from './axes';
import { ChartFrame } from './ChartFrame';
import { ChartHitArea, ChartScrubber, useChartCursor } from './ChartScrubber';
import { describeActual, describeCadence } from './cadence';
import { LossLegend } from './LossLegend';
import { lossModeTexts } from './lossModeText';
import {
  cursorEpochs,
  dashes,
  liveSeries,
  MAX_POINTS_PER_SERIES,
  multiSeedSeries,
  valueAt,
} from './lossSeries';
import { nearestIndex, useElementWidth } from './useElementWidth';

const defaultVisible = new Set([
  'purported total',
  'effective total',
  'actual total',
  'effective repulsive',
  'actual repulsive',
]);

/** Redraws per second at most while a run streams. */
const REDRAW_INTERVAL_MS = 200;

/** Width before the figure is measured, and the chart's height for a given width. */
const DEFAULT_WIDTH = 480;
const heightFor = (width: number) => Math.round(Math.min(420, Math.max(240, width * 0.54)));

const selectHistory = (state: ExplorerState) => state.history;

/** Fig. 3: purported, effective and actual loss per epoch, live or as mean ± std over seeds. */
export function LossCurves() {
  const history = useThrottledStoreValue(useExplorerStore, selectHistory, REDRAW_INTERVAL_MS);
  const multiSeed = useExplorerStore((state) => state.multiSeed);
  const nEpochs = useExplorerStore((state) => state.frame?.nEpochs ?? 0);
  const evaluationNote = useExplorerStore((state) => state.frame?.evaluationNote);
  const corrected = useExplorerStore((state) => state.frame?.config.sampling === 'corrected');
  const loss = useExplorerStore((state) => state.frame?.config.loss ?? 'umap');
  const modeText = loss === 'umap' ? undefined : lossModeTexts[loss];
  const [visible, setVisible] = useState<Set<string>>(defaultVisible);
  const [logY, setLogY] = useState(true);
  const { cursor, setCursor, leave, focus, blur } = useChartCursor<number>();
  const figureRef = useRef<HTMLElement>(null);
  const xAxisRef = useRef<SVGGElement>(null);
  const yAxisRef = useRef<SVGGElement>(null);
  const width = useElementWidth(figureRef, DEFAULT_WIDTH);
  const height = heightFor(width);
  const innerWidth = width - chartMargins.left - chartMargins.right;
  const innerHeight = height - chartMargins.top - chartMargins.bottom;

  const allSeries = useMemo(
    () => (multiSeed ? multiSeedSeries(multiSeed) : liveSeries(history)),
    [history, multiSeed],
  );
  const shown = useMemo(
    () => allSeries.filter((series) => visible.has(`${series.kind} ${series.part}`)),
    [allSeries, visible],
  );
  const latest = useMemo(() => latestTotals(history, multiSeed), [history, multiSeed]);
  const evaluatedEpochs = useMemo(
    () => (multiSeed ? multiSeed.epochs : history.evaluations.map((entry) => entry.epoch)),
    [history, multiSeed],
  );
  const steps = useMemo(() => cursorEpochs(shown), [shown]);

  const { x, y } = useMemo(() => {
    let lastEpoch = nEpochs;
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (const series of shown) {
      const n = series.epochs.length;
      if (n > 0) lastEpoch = Math.max(lastEpoch, series.epochs[n - 1]);
      for (let i = 0; i < n; i++) {
        const spread = series.std ? series.std[i] : 0;
        const lower = series.mean[i] - spread;
        const upper = series.mean[i] + spread;
        if (!logY || lower > 0) low = Math.min(low, lower);
        else if (series.mean[i] > 0) low = Math.min(low, series.mean[i]);
        high = Math.max(high, upper);
      }
    }
    if (!Number.isFinite(low) || !Number.isFinite(high)) [low, high] = [1, 10];
    const xScale = scaleLinear()
      .domain([0, Math.max(1, lastEpoch)])
      .range([0, innerWidth]);
    const yScale = logY
      ? scaleLog()
          .domain([low / 1.2, high * 1.2])
          .range([innerHeight, 0])
          .nice()
      : scaleLinear()
          .domain([Math.min(0, low), high * 1.05])
          .range([innerHeight, 0])
          .nice();
    return { x: xScale, y: yScale };
  }, [shown, nEpochs, logY, innerWidth, innerHeight]);

  useEffect(() => {
    if (xAxisRef.current)
      drawBottomAxis(
        xAxisRef.current,
        axisBottom(x).ticks(Math.max(3, Math.round(innerWidth / 70)), '~s'),
        'epoch',
        innerWidth,
      );
    if (yAxisRef.current) {
      const axis = logY ? axisLeft(y).tickValues(powersOfTen(y.domain())) : axisLeft(y).ticks(5);
      drawLeftAxis(yAxisRef.current, axis.tickFormat(formatTick), 'loss (nats)', innerHeight);
    }
  }, [x, y, logY, innerWidth, innerHeight]);

  const drawable = (value: number) => Number.isFinite(value) && (!logY || value > 0);
  const toggle = (key: string) =>
    setVisible((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  // The read-out at the cursor: every shown series at its point nearest the cursor's epoch.
  const cursorEpoch = cursor === null || steps.length === 0 ? null : cursor;
  const readings =
    cursorEpoch === null
      ? []
      : shown.flatMap((series) => {
          const reading = valueAt(series, cursorEpoch);
          return reading && Number.isFinite(reading.value) ? [{ series, ...reading }] : [];
        });
  const readoutText =
    cursorEpoch === null
      ? 'Point at the chart, or use the slider under it (← →, Home, End), to read the values at an epoch.'
      : `epoch ${formatInteger(cursorEpoch)}: ${
          readings
            .map(
              ({ series, epoch, value, std }) =>
                `${series.kind} ${series.part} ${formatLoss(value)}${std === undefined ? '' : ` ± ${formatLoss(std)}`}` +
                (Math.abs(epoch - cursorEpoch) >= 1 ? ` (at ${formatInteger(Math.round(epoch))})` : ''),
            )
            .join(' · ') || 'no series shown'
        }`;

  function pointAt(fraction: number) {
    const index = nearestIndex(steps, x.invert(fraction * innerWidth));
    setCursor(index < 0 ? null : steps[index]);
  }

  return (
    <figure className="loss-curves" ref={figureRef}>
      <figcaption className="chart-title">
        Loss curves
        {multiSeed && <span className="chart-note"> — mean ± std over {multiSeed.seeds} seeds</span>}
      </figcaption>
      <ChartFrame
        width={width}
        height={height}
        label="Loss curves"
        data={{
          'data-epoch': latest?.epoch,
          'data-purported-total': latest?.purported,
          'data-effective-total': latest?.effective,
          'data-actual-total': latest?.actual,
          'data-log-y': logY,
          'data-multi-seed': multiSeed ? multiSeed.seeds : undefined,
          'data-evaluated-points': evaluatedEpochs.length,
        }}
      >
        <g transform={`translate(${chartMargins.left},${chartMargins.top})`}>
          <g ref={xAxisRef} className="axis" transform={`translate(0,${innerHeight})`} />
          <g ref={yAxisRef} className="axis" />
          {shown.map((series) => {
            const key = `${series.kind} ${series.part}`;
            const indices = Array.from(series.epochs, (_, i) => i);
            const colour = lossColours[series.kind];
            const std = series.std;
            const band = std
              ? area<number>()
                  .defined((i) => drawable(series.mean[i] - std[i]) && drawable(series.mean[i] + std[i]))
                  .x((i) => x(series.epochs[i]))
                  .y0((i) => y(series.mean[i] - std[i]))
                  .y1((i) => y(series.mean[i] + std[i]))(indices)
              : null;
            const path = line<number>()
              .defined((i) => drawable(series.mean[i]))
              .x((i) => x(series.epochs[i]))
              .y((i) => y(series.mean[i]))(indices);
            return (
              <g key={key} data-series={key}>
                {band && <path d={band} fill={colour} fillOpacity={0.15} stroke="none" />}
                <path
                  d={path ?? undefined}
                  fill="none"
                  stroke={colour}
                  strokeWidth={series.part === 'total' ? 1.8 : 1.3}
                  strokeDasharray={dashes[series.part]}
                />
              </g>
            );
          })}
          {cursorEpoch !== null && (
            <g className="chart-cursor" pointerEvents="none">
              <line x1={x(cursorEpoch)} x2={x(cursorEpoch)} y1={0} y2={innerHeight} />
              {readings
                .filter(({ value }) => drawable(value))
                .map(({ series, epoch, value }) => (
                  <circle
                    key={`${series.kind} ${series.part}`}
                    cx={x(epoch)}
                    cy={y(value)}
                    r={3}
                    fill={lossColours[series.kind]}
                  />
                ))}
            </g>
          )}
          <ChartHitArea width={innerWidth} height={innerHeight} onPoint={pointAt} onLeave={leave} />
        </g>
      </ChartFrame>
      <ChartScrubber
        label="Read the losses at epoch"
        valueText={readoutText}
        count={steps.length}
        position={
          cursorEpoch === null ? Math.max(0, steps.length - 1) : Math.max(0, nearestIndex(steps, cursorEpoch))
        }
        disabled={steps.length === 0}
        onPosition={(position) => setCursor(steps[position] ?? null)}
        onFocus={() => focus((current) => (steps.length > 0 ? (current ?? steps[steps.length - 1]) : null))}
        onBlur={blur}
        plotLeft={chartMargins.left}
        plotWidth={innerWidth}
        readoutId="loss-readout"
        readoutTestId="loss-hover"
        readout={readoutText}
      />
      <LossLegend
        corrected={corrected}
        modeTitles={modeText?.titles}
        visible={visible}
        onToggle={toggle}
        logY={logY}
        onLogY={setLogY}
      />
      <p className="chart-note" data-testid="loss-latest">
        {latest
          ? `epoch ${formatInteger(latest.epoch)}: purported ${latest.purported === undefined ? '–' : formatLoss(latest.purported)}, effective ${latest.effective === undefined ? '–' : formatLoss(latest.effective)}, actual ${latest.actual === undefined ? '–' : formatLoss(latest.actual)} nats (totals${multiSeed ? `, means of ${multiSeed.seeds} seeds` : ''})`
          : 'No losses yet: press Play.'}
      </p>
      <p className="chart-note" data-testid="loss-cadence">
        {multiSeed
          ? `mean ± std over ${multiSeed.seeds} seeds, all three losses evaluated ${describeCadence(multiSeed.epochs)}`
          : `purported/effective evaluated ${describeCadence(evaluatedEpochs)}${evaluationNote ? ` (${evaluationNote})` : ''}; ${describeActual(history.actual.length, Math.min(history.actual.length, MAX_POINTS_PER_SERIES))}`}
      </p>
      {modeText ? (
        <p className="chart-equation">{modeText.equation}</p>
      ) : (
        <p className="chart-equation">
          L = −Σ μᵢⱼ log νᵢⱼ + (1 − μᵢⱼ) log(1 − νᵢⱼ) (eq. 6) — what UMAP purports to minimize.{' '}
          {corrected
            ? 'This run samples the repulsion with weight 1 − μᵢⱼ (corrected sampling, §7.3), so it descends eq. 6 itself: targets = μ (§7.3). The blue curve is the loss UMAP’s own sampling would descend (eq. 12), not this run’s; the actual loss (eq. 11) is what the sampled updates descend.'
            : 'The effective loss (eq. 12) replaces the repulsion weight 1 − μᵢⱼ by (dᵢ + dⱼ)m / 2n; the actual loss (eq. 11) is what the sampled updates descend.'}
        </p>
      )}
    </figure>
  );
}
