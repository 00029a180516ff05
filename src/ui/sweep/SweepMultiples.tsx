import { useEffect, useMemo, useRef } from 'react';
import { type SweepPanel, sweepValues } from '../../engine/sweep';
import type { SweepView } from '../../state/store';
import { useElementWidth } from '../charts/useElementWidth';
import { ScatterLegend } from '../scatter/ScatterLegend';
import { drawThumbnail, thumbnailColouring } from '../scatter/thumbnail';
import { formatMetric, sweepMetricLabels, sweepValueLabel } from './sweepLabels';

/** Side of a panel until its cell is measured. */
const FALLBACK_SIDE = 200;

/** The canvas's accessible name: its value and the measure the papers compare panels by. */
function describePanel(title: string, { metrics }: SweepPanel): string {
  const key = metrics.knnRecall10 !== undefined ? 'knnRecall10' : 'finalLoss';
  const value = metrics[key];
  return value === undefined
    ? `Sweep panel: ${title}`
    : `Sweep panel: ${title}, ${sweepMetricLabels[key]} ${formatMetric(key, value)}`;
}

/** One finished panel, drawn once when it arrives and again when its cell changes size. */
function PanelCanvas({ panel, title }: { panel: SweepPanel; title: string }) {
  const frameRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const side = useElementWidth(frameRef, FALLBACK_SIDE);
  const colouring = useMemo(
    () => thumbnailColouring(panel.colours, panel.embedding.length / 2),
    [panel.colours, panel.embedding],
  );
  useEffect(() => {
    const canvas = canvasRef.current;
    return canvas
      ? drawThumbnail(canvas, panel.embedding, colouring, side, window.devicePixelRatio || 1)
      : undefined;
  }, [panel.embedding, colouring, side]);
  return (
    <div ref={frameRef} className="sweep-canvas-frame">
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={describePanel(title, panel)}
        data-value={panel.value}
        style={{ width: side, height: side }}
      />
    </div>
  );
}

/** Classes in the legend: every named one, and any numbered beyond the names. */
function labelCountOf(labels: Int32Array, names: string[]): number {
  let count = names.length;
  for (const label of labels) if (label >= count) count = label + 1;
  return count;
}

/** What a panel's cell says before its layout exists. */
function placeholderText(sweep: SweepView, index: number): string {
  if (sweep.status !== 'running') return 'not run';
  return index === sweep.panels.length ? 'running…' : 'waiting';
}

/**
 * The sweep's layouts as small multiples, one per swept value, in order; each fitted to its own box
 * (aligned sweeps are Procrustes-rotated to their neighbour, so the shapes read side by side).
 */
export function SweepMultiples({ sweep }: { sweep: SweepView }) {
  const values = useMemo(() => sweepValues(sweep.spec), [sweep.spec]);
  const colours = sweep.panels[0]?.colours;
  return (
    <div className="sweep-multiples">
      <ol className="sweep-grid" aria-label="Sweep panels">
        {values.map((planned, index) => {
          const panel = sweep.panels[index];
          const title = sweepValueLabel(sweep.spec.parameter, panel?.value ?? planned);
          return (
            <li key={planned} className="sweep-cell">
              <span className="sweep-cell-title">{title}</span>
              {panel ? (
                <PanelCanvas panel={panel} title={title} />
              ) : (
                <div className="sweep-placeholder">{placeholderText(sweep, index)}</div>
              )}
            </li>
          );
        })}
      </ol>
      {colours?.kind === 'label' && (
        <ScatterLegend
          colourBy="label"
          labelNames={colours.names}
          labelCount={labelCountOf(colours.labels, colours.names)}
        />
      )}
      {colours?.kind === 'hue' && (
        <p className="chart-note">Coloured by each point’s position along the ring, as in the main plot.</p>
      )}
      {!sweep.aligned && (
        <p className="chart-note">The panels hold different points (an n sweep), so they are not aligned.</p>
      )}
    </div>
  );
}
