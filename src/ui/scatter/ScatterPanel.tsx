import { type KeyboardEvent, type PointerEvent, useMemo, useRef, useState } from 'react';
import { useExplorerStore } from '../../state/store';
import { hoverPoint, type Tooltip } from './hoverPoint';
import { colourByHue, colourByLabel, colourUniform, withHighlight } from './pointColours';
import { ScatterLegend } from './ScatterLegend';
import { ScatterTooltip } from './ScatterTooltip';
import { useLiveScatter } from './useLiveScatter';

type ColourBy = 'hue' | 'label';

const ZOOM_STEP = 1.5;

/** The embedding, drawn live: WebGL2 (Canvas2D fallback), zoom and pan, hover, colour legend. */
export function ScatterPanel() {
  const runInfo = useExplorerStore((state) => state.runInfo);
  const hasPoints = useExplorerStore((state) => (state.frame?.embedding.length ?? 0) > 0);
  const [colourChoice, setColourChoice] = useState<ColourBy>('hue');
  const [tooltip, setTooltip] = useState<Tooltip | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);

  const labelCount = runInfo?.labelCount ?? 0;
  const colourBy: ColourBy | 'none' =
    runInfo?.hue && runInfo.labels ? colourChoice : runInfo?.hue ? 'hue' : runInfo?.labels ? 'label' : 'none';
  const highlight = useExplorerStore((state) => state.highlight);
  const colouring = useMemo(() => {
    if (!runInfo) return null;
    const base =
      colourBy === 'hue' && runInfo.hue
        ? colourByHue(runInfo.hue)
        : colourBy === 'label' && runInfo.labels
          ? colourByLabel(runInfo.labels, labelCount)
          : colourUniform(runInfo.n);
    // Pairs brushed in the per-pair views: their points keep their colours, the rest turn grey.
    return highlight ? withHighlight(base, highlight) : base;
  }, [runInfo, colourBy, labelCount, highlight]);

  const { live, rendererKind, autoFit, zoomBy, panBy, fitView } = useLiveScatter({
    canvasRef,
    stageRef,
    colouring,
    highlighted: highlight?.length ?? 0,
    onViewMoved: () => setTooltip(null),
  });

  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const step = 40;
    switch (event.key) {
      case '+':
      case '=':
        zoomBy(ZOOM_STEP);
        break;
      case '-':
        zoomBy(1 / ZOOM_STEP);
        break;
      case '0':
        fitView();
        break;
      case 'ArrowLeft':
        panBy(step, 0);
        break;
      case 'ArrowRight':
        panBy(-step, 0);
        break;
      case 'ArrowUp':
        panBy(0, step);
        break;
      case 'ArrowDown':
        panBy(0, -step);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const canvas = canvasRef.current;
    // While a button is down the pointer drags the view: no tooltip.
    setTooltip(
      canvas && event.buttons === 0 ? hoverPoint(live.current, canvas, event.clientX, event.clientY) : null,
    );
  };

  const hovered = tooltip && runInfo && tooltip.index < runInfo.n ? tooltip : null;

  return (
    <section className="scatter-panel" aria-label="Scatter plot">
      <div className="scatter-toolbar">
        {runInfo?.hue && runInfo.labels && (
          <label>
            colour by{' '}
            <select
              value={colourChoice}
              onChange={(event) => setColourChoice(event.target.value as ColourBy)}
            >
              <option value="hue">ring angle</option>
              <option value="label">label</option>
            </select>
          </label>
        )}
        <button
          type="button"
          onClick={() => zoomBy(1 / ZOOM_STEP)}
          aria-label="Zoom out"
          title="Zoom out (−)"
        >
          −
        </button>
        <button type="button" onClick={() => zoomBy(ZOOM_STEP)} aria-label="Zoom in" title="Zoom in (+)">
          +
        </button>
        <button type="button" onClick={fitView} aria-pressed={autoFit}>
          Fit view
        </button>
        <output className="scatter-fit-state">{autoFit ? 'auto-fit: follows the run' : 'view fixed'}</output>
      </div>
      <div className="scatter-stage" ref={stageRef}>
        <canvas
          ref={canvasRef}
          role="img"
          aria-label="Scatter plot of the points"
          tabIndex={0}
          data-renderer={rendererKind}
          onKeyDown={onKeyDown}
          onPointerMove={onPointerMove}
          onPointerLeave={() => setTooltip(null)}
        />
        {!hasPoints && <p className="scatter-empty">Waiting for the first layout…</p>}
        {hovered && runInfo && <ScatterTooltip hovered={hovered} runInfo={runInfo} />}
      </div>
      <p className="scatter-hint">
        Equal scales on both axes. Wheel or +/− to zoom, drag or arrow keys to pan, 0 to fit.
      </p>
      <div className="scatter-legend-slot">
        <ScatterLegend colourBy={colourBy} labelNames={runInfo?.labelNames} labelCount={labelCount} />
      </div>
    </section>
  );
}
