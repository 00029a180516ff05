import { axisBottom, axisLeft, line, scaleLinear, scaleLog } from 'd3';
import { useEffect, useMemo, useRef } from 'react';
import { downsampleActual, type LossHistory } from '../../state/lossHistory';
import type { ExplorerState, ExplorerStore } from '../../state/store';
import { useThrottledStoreValue } from '../../state/useThrottledStoreValue';
import { chartMargins, drawBottomAxis, drawLeftAxis, lossColours, powersOfTen } from '../charts/axes';
import { LineSwatch } from '../charts/LineSwatch';
import { formatLoss, formatTick } from '../format';

/** Redraws per second at most while the runs stream. */
const REDRAW_INTERVAL_MS = 250;
/** The actual loss arrives every epoch: bucket means, at most this many points per line. */
const MAX_POINTS = 500;

const WIDTH = 480;
const HEIGHT = 240;
const innerWidth = WIDTH - chartMargins.left - chartMargins.right;
const innerHeight = HEIGHT - chartMargins.top - chartMargins.bottom;

type Kind = 'effective' | 'actual';
/** Run A solid, run B dashed; the loss reads from the colour, as in the main loss chart. */
const runDashes = { A: undefined, B: '6 4' } as const;
type RunName = keyof typeof runDashes;

interface Line {
  run: RunName;
  kind: Kind;
  epochs: Float64Array;
  values: Float64Array;
}

const selectHistory = (state: ExplorerState) => state.history;

/** Effective total at the evaluated epochs, actual total per epoch (bucket means; drawn at epoch index + 1). */
function linesOf(run: RunName, history: LossHistory): Line[] {
  const evaluations = history.evaluations;
  const effective: Line = {
    run,
    kind: 'effective',
    epochs: Float64Array.from(evaluations, (entry) => entry.epoch),
    values: Float64Array.from(evaluations, (entry) => entry.effective.total),
  };
  const { epochs, total } = downsampleActual(history.actual, MAX_POINTS);
  return [effective, { run, kind: 'actual', epochs, values: total }];
}

const last = (values: Float64Array) => (values.length > 0 ? values[values.length - 1] : undefined);

/** Runs A and B's effective (eq. 12) and actual (eq. 11) total losses on one log-scale chart. */
export function CompareLossChart({ a, b, nEpochs }: { a: ExplorerStore; b: ExplorerStore; nEpochs: number }) {
  const historyA = useThrottledStoreValue(a, selectHistory, REDRAW_INTERVAL_MS);
  const historyB = useThrottledStoreValue(b, selectHistory, REDRAW_INTERVAL_MS);
  const xAxisRef = useRef<SVGGElement>(null);
  const yAxisRef = useRef<SVGGElement>(null);

  const lines = useMemo(() => [...linesOf('A', historyA), ...linesOf('B', historyB)], [historyA, historyB]);

  const { x, y } = useMemo(() => {
    let lastEpoch = nEpochs;
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (const { epochs, values } of lines) {
      if (epochs.length > 0) lastEpoch = Math.max(lastEpoch, epochs[epochs.length - 1]);
      for (let i = 0; i < values.length; i++) {
        if (values[i] > 0 && values[i] < low) low = values[i];
        if (values[i] > high) high = values[i];
      }
    }
    if (!Number.isFinite(low) || !Number.isFinite(high)) [low, high] = [1, 10];
    return {
      x: scaleLinear()
        .domain([0, Math.max(1, lastEpoch)])
        .range([0, innerWidth]),
      y: scaleLog()
        .domain([low / 1.2, high * 1.2])
        .range([innerHeight, 0])
        .nice(),
    };
  }, [lines, nEpochs]);

  useEffect(() => {
    if (xAxisRef.current) drawBottomAxis(xAxisRef.current, axisBottom(x).ticks(6, '~s'), 'epoch', innerWidth);
    if (yAxisRef.current) {
      const axis = axisLeft(y).tickValues(powersOfTen(y.domain())).tickFormat(formatTick);
      drawLeftAxis(yAxisRef.current, axis, 'total loss (nats)', innerHeight);
    }
  }, [x, y]);

  return (
    <figure className="compare-losses">
      <figcaption className="chart-title">Losses of A and B</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="Compare losses">
        <g transform={`translate(${chartMargins.left},${chartMargins.top})`}>
          <g ref={xAxisRef} className="axis" transform={`translate(0,${innerHeight})`} />
          <g ref={yAxisRef} className="axis" />
          {lines.map(({ run, kind, epochs, values }) => {
            const indices = Array.from(values, (_, i) => i);
            const path = line<number>()
              .defined((i) => Number.isFinite(values[i]) && values[i] > 0)
              .x((i) => x(epochs[i]))
              .y((i) => y(values[i]))(indices);
            return (
              <path
                key={`${run} ${kind}`}
                className="compare-line"
                data-series={`${run} ${kind}`}
                data-last={last(values)}
                d={path ?? undefined}
                fill="none"
                stroke={lossColours[kind]}
                strokeWidth={1.8}
                strokeDasharray={runDashes[run]}
              />
            );
          })}
        </g>
      </svg>
      <ul className="compare-legend">
        {lines.map(({ run, kind, values }) => {
          const latest = last(values);
          return (
            <li key={`${run} ${kind}`}>
              <LineSwatch width={26} stroke={lossColours[kind]} strokeWidth={1.8} dash={runDashes[run]} />
              {run} {kind} ({kind === 'effective' ? 'eq. 12' : 'eq. 11'})
              {latest !== undefined && `: ${formatLoss(latest)}`}
            </li>
          );
        })}
      </ul>
      <p className="chart-note">
        Totals in nats; effective evaluated at the loss cadence, actual every epoch. A solid, B dashed.
      </p>
    </figure>
  );
}
