import { useEffect, useMemo, useRef } from 'react';
import type { AuditResult } from '../../engine/auditSession';
import { useElementWidth } from '../charts/useElementWidth';
import { formatInteger } from '../format';
import type { PointColouring } from '../scatter/pointColours';
import { ScatterLegend } from '../scatter/ScatterLegend';
import { drawThumbnail, thumbnailColouring } from '../scatter/thumbnail';

/** Side of the plot until its frame is measured, and at most (beside the numbers, not over them). */
const FALLBACK_SIDE = 320;
const MAX_SIDE = 420;

/** Their labels in the main scatter's palette, or one colour when the files have none. */
function colouringOf({ labels, embedding }: AuditResult): PointColouring {
  return thumbnailColouring(
    labels ? { kind: 'label', labels: labels.codes, names: labels.names } : { kind: 'uniform' },
    embedding.length / 2,
  );
}

/**
 * Their layout as they saw it, or a layout of the same points (the continued one), drawn like a
 * sweep panel (Canvas 2D, fitted to its own square) and coloured by their labels.
 */
export function AuditScatter({
  result,
  layout = result.embedding,
  name = 'Your layout',
  title = `${name} (${result.embeddingName})`,
  legend = true,
}: {
  result: AuditResult;
  /** n×2, in the order of their points. */
  layout?: Float32Array;
  /** The plot's accessible name, before its point count. */
  name?: string;
  title?: string;
  legend?: boolean;
}) {
  const frameRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const side = Math.min(MAX_SIDE, useElementWidth(frameRef, FALLBACK_SIDE));
  const colouring = useMemo(() => colouringOf(result), [result]);
  const { labels } = result;
  useEffect(() => {
    // In frames of their own, not in the render's commit (e2e/audit-scale.spec.ts).
    const canvas = canvasRef.current;
    return canvas ? drawThumbnail(canvas, layout, colouring, side, window.devicePixelRatio || 1) : undefined;
  }, [layout, colouring, side]);
  const coloured = labels ? `, coloured by ${labels.name}` : '';
  return (
    <figure className="audit-scatter">
      <figcaption className="chart-title">{title}</figcaption>
      <div ref={frameRef} className="audit-canvas-frame">
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={`${name}: ${formatInteger(layout.length / 2)} points${coloured}`}
          style={{ width: side, height: side }}
        />
      </div>
      {legend && labels && (
        <ScatterLegend colourBy="label" labelNames={labels.names} labelCount={labels.names.length} />
      )}
    </figure>
  );
}
