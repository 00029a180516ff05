import { area, axisBottom, axisLeft, line, scaleLinear, scaleLog } from 'd3';
import { type PointerEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { LossParts } from '../../core/types';
import type { MultiSeedCurves } from '../../engine/multiSeed';
import { downsampleActual, type LossHistory } from '../../state/lossHistory';
import { type ExplorerState, useExplorerStore } from '../../state/store';
import { useThrottledStoreValue } from '../../state/useThrottledStoreValue';
import { latestTotals } from '../claims/latestLosses';
import { formatInteger, formatLoss, formatTick } from '../format';
import { chartMargins, drawBottomAxis, drawLeftAxis, lossColours, powersOfTen } from './axes';
import { describeActual, describeCadence } from './cadence';
import { nearestIndex, useElementWidth } from './useElementWidth';

type LossKind = 'purported' | 'effective' | 'actual';
type Part = keyof LossParts;

const kinds: LossKind[] = ['purported', 'effective', 'actual'];
const parts: Part[] = ['total', 'attractive', 'repulsive'];
const kindTitles: Record<LossKind, string> = {
  purported: 'purported (eq. 6)',
  effective: 'effective (eq. 12)',
  actual: 'actual (eq. 11)',
};
/** Under corrected sampling (§7.3) the optimizer descends eq. 6: eq. 12 is UMAP's, not this run's. */
const correctedKindTitles: Record<LossKind, string> = {
  purported: 'purported (eq. 6), minimised here',
  effective: 'UMAP sampling’s (eq. 12)',
  actual: 'actual (eq. 11)',
};
/** Total solid, attractive dashed, repulsive dotted: the part reads from the dash, the loss from the colour. */
const dashes: Record<Part, string | undefined> = { total: undefined, attractive: '7 4', repulsive: '1.5 3' };
const defaultVisible = new Set([
  'purported total',
  'effective total',
  'actual total',
  'effective repulsive',
  'actual repulsive',
]);

/** The actual loss arrives every epoch: at most this many points per series. */
const MAX_POINTS_PER_SERIES = 1000;
/** Redraws per second at most while a run streams. */
const REDRAW_INTERVAL_MS = 200;

/** Width before the figure is measured, and the chart's height for a given width. */
const DEFAULT_WIDTH = 480;
const heightFor = (width: number) => Math.round(Math.min(420, Math.max(240, width * 0.54)));

interface Series {
  kind: LossKind;
  part: Part;
  epochs: Float64Array;
  mean: Float64Array;
  /** ±1 std over seeds (multi-seed mode only). */
  std?: Float64Array;
}

function actualSeries(actual: LossHistory['actual']): Series[] {
  const downsampled = downsampleActual(actual, MAX_POINTS_PER_SERIES);
  return parts.map((part) => ({
    kind: 'actual' as const,
    part,
    epochs: downsampled.epochs,
    mean: downsampled[part],
  }));
}

function liveSeries(history: LossHistory): Series[] {
  const evaluations = history.evaluations;
  const epochs = Float64Array.from(evaluations, (entry) => entry.epoch);
  const evaluated: Series[] = [];
  for (const kind of ['purported', 'effective'] as const) {
    for (const part of parts) {
      evaluated.push({
        kind,
        part,
        epochs,
        mean: Float64Array.from(evaluations, (entry) => entry[kind][part]),
      });
    }
  }
  return [...evaluated, ...actualSeries(history.actual)];
}

function multiSeedSeries(curves: MultiSeedCurves): Series[] {
  const epochs = Float64Array.from(curves.epochs);
  return kinds.flatMap((kind) =>
    parts.map((part) => ({ kind, part, epochs, mean: curves[kind][part].mean, std: curves[kind][part].std })),
  );
}

const selectHistory = (state: ExplorerState) => state.history;

/** Epochs a cursor can step through: the evaluated epochs of the longest series, ascending. */
function cursorEpochs(series: Series[]): Float64Array {
  let best: Float64Array = new Float64Array(0);
  for (const entry of series) if (entry.epochs.length > best.length) best = entry.epochs;
  return best;
}

/** One series' value at the point nearest `epoch`, with that point's epoch. */
function valueAt(series: Series, epoch: number) {
  const index = nearestIndex(series.epochs, epoch);
  if (index < 0) return null;
  return { epoch: series.epochs[index], value: series.mean[index], std: series.std?.[index] };
}

/** Fig. 3: purported, effective and actual loss per epoch, live or as mean ± std over seeds. */
export function LossCurves() {
  const history = useThrottledStoreValue(useExplorerStore, selectHistory, REDRAW_INTERVAL_MS);
  const multiSeed = useExplorerStore((state) => state.multiSeed);
  const nEpochs = useExplorerStore((state) => state.frame?.nEpochs ?? 0);
  const evaluationNote = useExplorerStore((state) => state.frame?.evaluationNote);
  const corrected = useExplorerStore((state) => state.frame?.config.sampling === 'corrected');
  const [visible, setVisible] = useState<Set<string>>(defaultVisible);
  const [logY, setLogY] = useState(true);
  const [cursor, setCursor] = useState<number | null>(null);
  const figureRef = useRef<HTMLElement>(null);
  const xAxisRef = useRef<SVGGElement>(null);
  const yAxisRef = useRef<SVGGElement>(null);
  const width = useElementWidth(figureRef, DEFAULT_WIDTH);
  const height = heightFor(width);
  const innerWidth = width - chartMargins.left - chartMargins.right;
  const innerHeight = height - chartMargins.top - chartMargins.bottom;
  const titles = corrected ? correctedKindTitles : kindTitles;

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

  function pointerEpoch(event: PointerEvent<SVGRectElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    const epoch = x.invert(((event.clientX - box.left) / box.width) * innerWidth);
    const index = nearestIndex(steps, epoch);
    setCursor(index < 0 ? null : steps[index]);
  }

  return (
    <figure className="loss-curves" ref={figureRef}>
      <figcaption className="chart-title">
        Loss curves
        {multiSeed && <span className="chart-note"> — mean ± std over {multiSeed.seeds} seeds</span>}
      </figcaption>
      <div className="chart-frame">
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label="Loss curves"
          data-epoch={latest?.epoch}
          data-purported-total={latest?.purported}
          data-effective-total={latest?.effective}
          data-actual-total={latest?.actual}
          data-log-y={logY}
          data-multi-seed={multiSeed ? multiSeed.seeds : undefined}
          data-evaluated-points={evaluatedEpochs.length}
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
            <rect
              className="chart-hit"
              width={innerWidth}
              height={innerHeight}
              fill="transparent"
              onPointerMove={pointerEpoch}
              onPointerDown={pointerEpoch}
              onPointerLeave={() => setCursor(null)}
            />
          </g>
        </svg>
      </div>
      <input
        type="range"
        className="chart-scrubber"
        aria-label="Read the losses at epoch"
        aria-valuetext={readoutText}
        min={0}
        max={Math.max(0, steps.length - 1)}
        step={1}
        value={
          cursorEpoch === null ? Math.max(0, steps.length - 1) : Math.max(0, nearestIndex(steps, cursorEpoch))
        }
        disabled={steps.length === 0}
        onChange={(event) => setCursor(steps[Number(event.target.value)] ?? null)}
        onFocus={() => setCursor(steps.length > 0 ? (cursor ?? steps[steps.length - 1]) : null)}
        onBlur={() => setCursor(null)}
        style={{ marginLeft: chartMargins.left, width: innerWidth }}
      />
      <p className="chart-readout" id="loss-readout" data-testid="loss-hover" aria-live="polite">
        {readoutText}
      </p>
      <fieldset className="chart-legend">
        <legend>Series</legend>
        <table>
          <thead>
            <tr>
              <th scope="col">loss</th>
              {parts.map((part) => (
                <th scope="col" key={part}>
                  <svg width="22" height="8" aria-hidden="true">
                    <line
                      x1="0"
                      x2="22"
                      y1="4"
                      y2="4"
                      stroke="#444"
                      strokeWidth="1.5"
                      strokeDasharray={dashes[part]}
                    />
                  </svg>{' '}
                  {part}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {kinds.map((kind) => (
              <tr key={kind}>
                <th scope="row" style={{ color: lossColours[kind] }} data-testid={`loss-title-${kind}`}>
                  {titles[kind]}
                </th>
                {parts.map((part) => {
                  const key = `${kind} ${part}`;
                  return (
                    <td key={part}>
                      <input
                        type="checkbox"
                        aria-label={key}
                        checked={visible.has(key)}
                        onChange={() => toggle(key)}
                        style={{ accentColor: lossColours[kind] }}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <label className="chart-option">
          <input type="checkbox" checked={logY} onChange={(event) => setLogY(event.target.checked)} />{' '}
          log-scale loss axis
        </label>
      </fieldset>
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
      <p className="chart-equation">
        L = −Σ μᵢⱼ log νᵢⱼ + (1 − μᵢⱼ) log(1 − νᵢⱼ) (eq. 6) — what UMAP purports to minimize.{' '}
        {corrected
          ? 'This run samples the repulsion with weight 1 − μᵢⱼ (corrected sampling, §7.3), so it descends eq. 6 itself: targets = μ (§7.3). The blue curve is the loss UMAP’s own sampling would descend (eq. 12), not this run’s; the actual loss (eq. 11) is what the sampled updates descend.'
          : 'The effective loss (eq. 12) replaces the repulsion weight 1 − μᵢⱼ by (dᵢ + dⱼ)m / 2n; the actual loss (eq. 11) is what the sampled updates descend.'}
      </p>
    </figure>
  );
}
