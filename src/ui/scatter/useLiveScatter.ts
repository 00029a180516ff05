/**
 * The scatter's drawing loop, outside React: frames from the store are drawn on the next animation
 * frame into a WebGL2 (or Canvas2D) renderer, with d3-zoom's pan and zoom and the auto-fit box.
 * React state changes only for what the toolbar shows (renderer, auto-fit), never per frame.
 */
import { type D3ZoomEvent, type Quadtree, select, type ZoomBehavior, zoom, zoomIdentity } from 'd3';
import { type RefObject, useEffect, useRef, useState } from 'react';
import type { Frame } from '../../engine/frame';
import { useExplorerStore } from '../../state/store';
import { createCanvasScatter } from './canvasScatter';
import { colourUniform, type PointColouring } from './pointColours';
import {
  type FitBox,
  fitBox,
  pointSizeFor,
  type ScatterRenderer,
  type ScatterView,
  sizeDrawingBuffer,
  viewFor,
  type ZoomState,
} from './scene';
import { createWebglScatter } from './webglScatter';

/** Mutable drawing state: the per-frame path reads these, not React state, so frames never re-render. */
export interface Live {
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
  /** The frame `box` was fitted to: a redraw of the same frame (a resize) need not fit again. */
  boxFrame: Frame | null;
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

interface LiveScatterOptions {
  canvasRef: RefObject<HTMLCanvasElement | null>;
  /** The element the canvas fills: its size is the canvas's. */
  stageRef: RefObject<HTMLDivElement | null>;
  colouring: PointColouring | null;
  /** Points highlighted by a brush in the per-pair views (0: none). */
  highlighted: number;
  /** The view moved (zoom or pan, the user's or the program's): what was under the pointer no longer is. */
  onViewMoved: () => void;
}

/** Draws the store's frames into the canvas; returns the drawing state and the view's controls. */
export function useLiveScatter({
  canvasRef,
  stageRef,
  colouring,
  highlighted,
  onViewMoved,
}: LiveScatterOptions) {
  const [autoFit, setAutoFit] = useState(true);
  const [rendererKind, setRendererKind] = useState('');
  const zoomRef = useRef<ZoomBehavior<HTMLCanvasElement, unknown> | null>(null);
  const requestDrawRef = useRef<() => void>(() => {});
  // The zoom listener is installed once: it calls the latest callback through this ref.
  const onViewMovedRef = useRef(onViewMoved);
  onViewMovedRef.current = onViewMoved;
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
    boxFrame: null,
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
  useEffect(() => {
    live.current.colouring = colouring;
    live.current.highlighted = highlighted;
    requestDrawRef.current();
  }, [colouring, highlighted]);

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
      // Timed from the fit on: its O(n) pass is main-thread work of the draw too.
      const start = performance.now();
      if (s.autoFit && s.boxFrame !== frame) {
        s.box = fitBox(points);
        s.boxFrame = frame;
      }
      const view = viewFor(s.box, s.zoom, s.width, s.height);
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
      // A reallocated buffer is blank: redraw now rather than show a blank frame. A sub-pixel change
      // keeps the buffer and its picture: the next frame redraws it, rather than a second draw now.
      if (sizeDrawingBuffer(canvas, width, height, s.pixelRatio)) draw();
      else requestDraw();
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
        onViewMovedRef.current();
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
    // The refs are the panel's own, stable: the loop is set up once per mounted canvas.
  }, [canvasRef, stageRef]);

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

  return { live, rendererKind, autoFit, zoomBy, panBy, fitView };
}
