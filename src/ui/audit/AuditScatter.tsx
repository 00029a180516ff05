import { useEffect, useMemo, useRef } from 'react';
import type { AuditResult } from '../../engine/auditSession';
import { useElementWidth } from '../charts/useElementWidth';
import { formatInteger } from '../format';
import { batchByColour } from '../scatter/canvasScatter';
import { colourUniform } from '../scatter/pointColours';
import { ScatterLegend } from '../scatter/ScatterLegend';
import { drawSweepPanel, type PanelColouring, panelColouring } from '../sweep/drawSweepPanel';

/** Side of the plot until its frame is measured, and at most (beside the numbers, not over them). */
const FALLBACK_SIDE = 320;
const MAX_SIDE = 420;

/** Their labels in the main scatter's palette, or one colour when the files have none. */
function colouringOf({ labels, embedding }: AuditResult): PanelColouring {
  if (labels) return panelColouring({ kind: 'label', labels: labels.codes, names: labels.names });
  const colouring = colourUniform(embedding.length / 2);
  return { colouring, batches: batchByColour(colouring) };
}

/** Their layout as they saw it, drawn like a sweep panel (Canvas 2D, fitted to its own square). */
export function AuditScatter({ result }: { result: AuditResult }) {
  const frameRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const side = Math.min(MAX_SIDE, useElementWidth(frameRef, FALLBACK_SIDE));
  const colouring = useMemo(() => colouringOf(result), [result]);
  const { embedding, labels, embeddingName } = result;
  useEffect(() => {
    const canvas = canvasRef.current;
    if (canvas) drawSweepPanel(canvas, embedding, colouring, side, window.devicePixelRatio || 1);
  }, [embedding, colouring, side]);
  const coloured = labels ? `, coloured by ${labels.name}` : '';
  return (
    <figure className="audit-scatter">
      <figcaption className="chart-title">Your layout ({embeddingName})</figcaption>
      <div ref={frameRef} className="audit-canvas-frame">
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={`Your layout: ${formatInteger(embedding.length / 2)} points${coloured}`}
          style={{ width: side, height: side }}
        />
      </div>
      {labels && (
        <ScatterLegend colourBy="label" labelNames={labels.names} labelCount={labels.names.length} />
      )}
    </figure>
  );
}
