import { type D3ZoomEvent, type Quadtree, quadtree, select, type ZoomBehavior, zoom, zoomIdentity } from 'd3';
import { type KeyboardEvent, type PointerEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { Frame } from '../../engine/frame';
import { useExplorerStore } from '../../state/store';
import { formatInteger, formatThreeDigits } from '../format';
import { createCanvasScatter } from './canvasScatter';
import {
  colourByHue,
  colourByLabel,
  colourUniform,
  type PointColouring,
  withHighlight,
} from './pointColours';
import { ScatterLegend } from './ScatterLegend';
import {
  type FitBox,
  fitBox,
  pointSizeFor,
  type ScatterRenderer,
  type ScatterView,
  viewFor,
  type ZoomState,
} from './scene';
import { createWebglScatter } from './webglScatter';

type ColourBy = 'hue' | 'label';

/** The hover index is rebuilt at most this often while frames stream (O(n log n) per build). */
const TREE_MAX_AGE_MS = 200;
/** Hover picks the nearest point within this many CSS pixels. */
const HOVER_RADIUS_PX = 10;
const ZOOM_STEP = 1.5;

interface Tooltip {
  index: number;
  left: number;
  top: number;
}

/** Mutable drawing state: the per-frame path reads these, not React state, so frames never re-render. */
interface Live {
  renderer: ScatterRenderer | null;
  frame: Frame | null;
  colouring: PointColouring | null;
  uniform: PointColouring | null;
  /** Points highlighted by a brush in the per-pair views (0: none), exposed on the canvas for tests. */
  highlighted: number;
  width: number;
  height: number;
  pixelRatio: number;
  box: FitBox;
  zoom: ZoomState;
  autoFit: boolean;
  /** The view and frame of the last draw: what the pointer is over. */
  view: ScatterView | null;
  drawn: Frame | null;
  pending: number;
  measures: number;
  tree: Quadtree<number> | null;
  treePoints: Float32Array | null;
  treeFrame: Frame | null;
  treeBuiltAt: number;
}

/** The embedding, drawn live: WebGL2 (Canvas2D fallback), zoom and pan, hover, colour legend. */
export function ScatterPanel() {
  const runInfo = useExplorerStore((state) => state.runInfo);
  const hasPoints = useExplorerStore((state) => (state.frame?.embedding.length ?? 0) > 0);
  const [colourChoice, setColourChoice] = useState<ColourBy>('hue');
  const [autoFit, setAutoFit] = useState(true);
  const [tooltip, setTooltip] = useState<Tooltip | null>(null);
  const [rendererKind, setRendererKind] = useState('');
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const zoomRef = useRef<ZoomBehavior<HTMLCanvasElement, unknown> | null>(null);
  const requestDrawRef = useRef<() => void>(() => {});
  const live = useRef<Live>({
    renderer: null,
    frame: null,
    colouring: null,
    highlighted: 0,
    uniform: null,
    width: 0,
    height: 0,
    pixelRatio: 1,
    box: { cx: 0, cy: 0, half: 1 },
    zoom: { k: 1, x: 0, y: 0 },
    autoFit: true,
    view: null,
    drawn: null,
    pending: 0,
    measures: 0,
    tree: null,
    treePoints: null,
    treeFrame: null,
    treeBuiltAt: 0,
  });

  const labelCount = runInfo?.labels
    ? Math.max(runInfo.labelNames?.length ?? 0, maxLabel(runInfo.labels) + 1)
    : 0;
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

  useEffect(() => {
    live.current.colouring = colouring;
    live.current.highlighted = highlight?.length ?? 0;
    requestDrawRef.current();
  }, [colouring, highlight]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const stage = stageRef.current;
    if (!canvas || !stage) return;
    const s = live.current;

    const draw = () => {
      s.pending = 0;
      const frame = s.frame;
      const renderer = s.renderer;
      if (!renderer || !frame || s.width === 0 || s.height === 0) return;
      // A restart asked for since this frame arrived makes it stale: never draw it.
      if (frame.runId < useExplorerStore.getState().minRunId) return;
      const points = frame.embedding;
      const n = points.length / 2;
      if (n === 0) return;
      let pointColours = s.colouring;
      if (!pointColours || pointColours.paletteIndex.length !== n) {
        // A new run's first frames can precede its RunInfo: draw them in one colour.
        if (!s.uniform || s.uniform.paletteIndex.length !== n) s.uniform = colourUniform(n);
        pointColours = s.uniform;
      }
      if (s.autoFit) s.box = fitBox(points);
      const view = viewFor(s.box, s.zoom, s.width, s.height);
      const start = performance.now();
      renderer.draw({
        points,
        colouring: pointColours,
        view,
        pointSize: pointSizeFor(n),
        width: s.width,
        height: s.height,
        pixelRatio: s.pixelRatio,
      });
      // The draw cost, readable from the performance timeline (the fps measurement uses it).
      if (++s.measures > 1000) {
        performance.clearMeasures('scatter-draw');
        s.measures = 1;
      }
      performance.measure('scatter-draw', { start, end: performance.now() });
      canvas.dataset.runId = String(frame.runId);
      canvas.dataset.epoch = String(frame.epoch);
      canvas.dataset.highlighted = String(s.highlighted);
      s.view = view;
      s.drawn = frame;
    };
    const requestDraw = () => {
      if (s.pending === 0) s.pending = requestAnimationFrame(draw);
    };
    requestDrawRef.current = requestDraw;

    s.renderer = createWebglScatter(canvas, requestDraw) ?? createCanvasScatter(canvas);
    setRendererKind(s.renderer?.kind ?? 'none');

    const resize = new ResizeObserver(() => {
      const width = stage.clientWidth;
      const height = stage.clientHeight;
      s.pixelRatio = window.devicePixelRatio || 1;
      s.width = width;
      s.height = height;
      canvas.width = Math.max(1, Math.round(width * s.pixelRatio));
      canvas.height = Math.max(1, Math.round(height * s.pixelRatio));
      // Resizing clears the canvas: redraw now rather than show a blank frame.
      draw();
    });
    resize.observe(stage);

    const behaviour = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([0.05, 500])
      .on('zoom', (event: D3ZoomEvent<HTMLCanvasElement, unknown>) => {
        const { k, x, y } = event.transform;
        s.zoom = { k, x, y };
        // A user's wheel or drag fixes the view; programmatic transforms (Fit view) do not.
        if (event.sourceEvent) {
          s.autoFit = false;
          setAutoFit(false);
        }
        setTooltip(null);
        requestDraw();
      });
    select(canvas).call(behaviour);
    zoomRef.current = behaviour;

    s.frame = useExplorerStore.getState().frame;
    const unsubscribe = useExplorerStore.subscribe((state) => {
      if (state.frame !== s.frame) {
        s.frame = state.frame;
        requestDraw();
      }
    });
    requestDraw();

    return () => {
      unsubscribe();
      resize.disconnect();
      select(canvas).on('.zoom', null);
      if (s.pending) cancelAnimationFrame(s.pending);
      s.pending = 0;
      s.renderer?.dispose();
      s.renderer = null;
      requestDrawRef.current = () => {};
    };
  }, []);

  const zoomBy = (factor: number) => {
    const canvas = canvasRef.current;
    if (!canvas || !zoomRef.current) return;
    live.current.autoFit = false;
    setAutoFit(false);
    select(canvas).call(zoomRef.current.scaleBy, factor);
  };
  const panBy = (dx: number, dy: number) => {
    const canvas = canvasRef.current;
    if (!canvas || !zoomRef.current) return;
    live.current.autoFit = false;
    setAutoFit(false);
    // translateBy works in zoomed units: divide so one key press moves a fixed number of pixels.
    select(canvas).call(zoomRef.current.translateBy, dx / live.current.zoom.k, dy / live.current.zoom.k);
  };
  const fitView = () => {
    const canvas = canvasRef.current;
    live.current.autoFit = true;
    setAutoFit(true);
    if (canvas && zoomRef.current) select(canvas).call(zoomRef.current.transform, zoomIdentity);
    requestDrawRef.current();
  };

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
    const s = live.current;
    const canvas = canvasRef.current;
    if (!canvas || !s.view || !s.drawn || event.buttons !== 0) {
      setTooltip(null);
      return;
    }
    const now = performance.now();
    if (!s.tree || (s.treeFrame !== s.drawn && now - s.treeBuiltAt > TREE_MAX_AGE_MS)) {
      const points = s.drawn.embedding;
      s.tree = quadtree<number>()
        .x((i) => points[2 * i])
        .y((i) => points[2 * i + 1])
        .addAll(Array.from({ length: points.length / 2 }, (_, i) => i));
      s.treePoints = points;
      s.treeFrame = s.drawn;
      s.treeBuiltAt = now;
    }
    const rect = canvas.getBoundingClientRect();
    const { sx, ox, sy, oy } = s.view;
    const x = (event.clientX - rect.left - ox) / sx;
    const y = (event.clientY - rect.top - oy) / sy;
    const index = s.tree.find(x, y, HOVER_RADIUS_PX / Math.abs(sx));
    const points = s.treePoints;
    if (index === undefined || !points) {
      setTooltip(null);
      return;
    }
    setTooltip({ index, left: sx * points[2 * index] + ox, top: sy * points[2 * index + 1] + oy });
  };

  const hovered = tooltip && runInfo && tooltip.index < runInfo.n ? tooltip : null;
  const hoveredLabel = hovered && runInfo?.labels ? runInfo.labels[hovered.index] : undefined;

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
        {hovered && runInfo && (
          <div
            className="scatter-tooltip"
            role="tooltip"
            style={{ left: hovered.left, top: hovered.top }}
            data-testid="scatter-tooltip"
          >
            <div>
              point <b>{formatInteger(hovered.index)}</b>
            </div>
            {hoveredLabel !== undefined && (
              <div>label {runInfo.labelNames?.[hoveredLabel] ?? String(hoveredLabel)}</div>
            )}
            <div>degree dᵢ = {formatThreeDigits(runInfo.degrees[hovered.index])}</div>
          </div>
        )}
      </div>
      <p className="scatter-hint">
        Equal scales on both axes. Wheel or +/− to zoom, drag or arrow keys to pan, 0 to fit.
      </p>
      <ScatterLegend colourBy={colourBy} labelNames={runInfo?.labelNames} labelCount={labelCount} />
    </section>
  );
}

function maxLabel(labels: Int32Array): number {
  let max = -1;
  for (let i = 0; i < labels.length; i++) if (labels[i] > max) max = labels[i];
  return max;
}
