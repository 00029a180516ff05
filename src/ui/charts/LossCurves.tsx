import { area, axisBottom, axisLeft, line, scaleLinear, scaleLog } from 'd3';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LossParts } from '../../core/types';
import type { MultiSeedCurves } from '../../engine/multiSeed';
import { downsampleActual, type LossHistory } from '../../state/lossHistory';
import { type ExplorerState, useExplorerStore } from '../../state/store';
import { useThrottledStoreValue } from '../../state/useThrottledStoreValue';
import { everyEpochs, formatInteger, formatLoss, formatTick } from '../format';
import { chartMargins, drawBottomAxis, drawLeftAxis, lossColours, powersOfTen } from './axes';

type LossKind = 'purported' | 'effective' | 'actual';
type Part = keyof LossParts;

const kinds: LossKind[] = ['purported', 'effective', 'actual'];
const parts: Part[] = ['total', 'attractive', 'repulsive'];
const kindTitles: Record<LossKind, string> = {
  purported: 'purported (eq. 6)',
  effective: 'effective (eq. 12)',
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

const WIDTH = 480;
const HEIGHT = 260;
const innerWidth = WIDTH - chartMargins.left - chartMargins.right;
const innerHeight = HEIGHT - chartMargins.top - chartMargins.bottom;

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

/** Latest values of the totals at the latest evaluated epoch, for the readout and the tests. */
function latestTotals(history: LossHistory, curves: MultiSeedCurves | null) {
  if (curves) {
    const last = curves.epochs.length - 1;
    if (last < 0) return null;
    return {
      epoch: curves.epochs[last],
      purported: curves.purported.total.mean[last],
      effective: curves.effective.total.mean[last],
      actual: curves.actual.total.mean[last],
    };
  }
  const evaluation = history.evaluations[history.evaluations.length - 1];
  const actual = history.actual;
  if (!evaluation) {
    const lastActual = actual[actual.length - 1];
    return lastActual ? { epoch: lastActual.epoch + 1, actual: lastActual.actual.total } : null;
  }
  // Evaluations are after `epoch` epochs, i.e. at the end of the epoch with index epoch − 1; that
  // entry is near the end of the actual history: search backwards.
  let actualTotal: number | undefined;
  for (let i = actual.length - 1; i >= 0 && actual[i].epoch >= evaluation.epoch - 1; i--) {
    if (actual[i].epoch === evaluation.epoch - 1) actualTotal = actual[i].actual.total;
  }
  return {
    epoch: evaluation.epoch,
    purported: evaluation.purported.total,
    effective: evaluation.effective.total,
    actual: actualTotal,
  };
}

const selectHistory = (state: ExplorerState) => state.history;

/** Fig. 3: purported, effective and actual loss per epoch, live or as mean ± std over seeds. */
export function LossCurves() {
  const history = useThrottledStoreValue(useExplorerStore, selectHistory, REDRAW_INTERVAL_MS);
  const multiSeed = useExplorerStore((state) => state.multiSeed);
  const nEpochs = useExplorerStore((state) => state.frame?.nEpochs ?? 0);
  const cadence = useExplorerStore((state) => state.frame?.cadence ?? 1);
  const evaluationNote = useExplorerStore((state) => state.frame?.evaluationNote);
  const [visible, setVisible] = useState<Set<string>>(defaultVisible);
  const [logY, setLogY] = useState(true);
  const xAxisRef = useRef<SVGGElement>(null);
  const yAxisRef = useRef<SVGGElement>(null);

  const allSeries = useMemo(
    () => (multiSeed ? multiSeedSeries(multiSeed) : liveSeries(history)),
    [history, multiSeed],
  );
  const shown = useMemo(
    () => allSeries.filter((series) => visible.has(`${series.kind} ${series.part}`)),
    [allSeries, visible],
  );
  const latest = useMemo(() => latestTotals(history, multiSeed), [history, multiSeed]);

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
  }, [shown, nEpochs, logY]);

  useEffect(() => {
    if (xAxisRef.current) drawBottomAxis(xAxisRef.current, axisBottom(x).ticks(6, '~s'), 'epoch', innerWidth);
    if (yAxisRef.current) {
      const axis = logY ? axisLeft(y).tickValues(powersOfTen(y.domain())) : axisLeft(y).ticks(5);
      drawLeftAxis(yAxisRef.current, axis.tickFormat(formatTick), 'loss (nats)', innerHeight);
    }
  }, [x, y, logY]);

  const drawable = (value: number) => Number.isFinite(value) && (!logY || value > 0);
  const toggle = (key: string) =>
    setVisible((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <figure className="loss-curves">
      <figcaption className="chart-title">
        Loss curves
        {multiSeed && <span className="chart-note"> — mean ± std over {multiSeed.seeds} seeds</span>}
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label="Loss curves"
        data-epoch={latest?.epoch}
        data-purported-total={latest?.purported}
        data-effective-total={latest?.effective}
        data-actual-total={latest?.actual}
        data-log-y={logY}
        data-multi-seed={multiSeed ? multiSeed.seeds : undefined}
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
        </g>
      </svg>
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
                <th scope="row" style={{ color: lossColours[kind] }}>
                  {kindTitles[kind]}
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
          ? `epoch ${formatInteger(latest.epoch)}: purported ${latest.purported === undefined ? '–' : formatLoss(latest.purported)}, effective ${latest.effective === undefined ? '–' : formatLoss(latest.effective)}, actual ${latest.actual === undefined ? '–' : formatLoss(latest.actual)} nats (totals)`
          : 'No losses yet: press Play.'}
      </p>
      <p className="chart-note">
        {multiSeed
          ? `mean ± std over ${multiSeed.seeds} seeds, evaluated ${everyEpochs(multiSeed.epochs[0] ?? cadence)}`
          : (evaluationNote ?? `purported/effective evaluated ${everyEpochs(cadence)}; actual every epoch`)}
      </p>
      <p className="chart-equation">
        L = −Σ μᵢⱼ log νᵢⱼ + (1 − μᵢⱼ) log(1 − νᵢⱼ) (eq. 6) — what UMAP purports to minimize. The effective
        loss (eq. 12) replaces the repulsion weight 1 − μᵢⱼ by (dᵢ + dⱼ)m / 2n; the actual loss (eq. 11) is
        what the sampled updates descend.
      </p>
    </figure>
  );
}
