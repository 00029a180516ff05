import { type ReactNode, useEffect, useRef } from 'react';
import type { RunInfo } from '../../engine/frame';
import type { ExplorerStore } from '../../state/store';
import { createCanvasScatter } from '../scatter/canvasScatter';
import { colourByHue, colourByLabel, colourUniform, type PointColouring } from '../scatter/pointColours';
import {
  type FitBox,
  fitBox,
  pointSizeFor,
  type ScatterRenderer,
  sizeDrawingBuffer,
  viewFor,
} from '../scatter/scene';
import { createWebglScatter } from '../scatter/webglScatter';
import { unionBox } from './sharedBox';

const IDENTITY = { k: 1, x: 0, y: 0 };
const GAP_PX = 12;
const names = ['A', 'B'];

/** Per canvas drawing state, read by the per-frame path rather than React state. */
interface Live {
  canvas: HTMLCanvasElement;
  renderer: ScatterRenderer | null;
  colouredFor: RunInfo | null;
  colouring: PointColouring | null;
}

function colouringFor(runInfo: RunInfo | null, n: number): PointColouring {
  if (runInfo && runInfo.n === n) {
    if (runInfo.hue) return colourByHue(runInfo.hue);
    if (runInfo.labels) return colourByLabel(runInfo.labels, runInfo.labelCount ?? 0);
  }
  return colourUniform(n);
}

/**
 * Two runs' embeddings side by side at ONE scale: the data window is the union of the
 * runs' extents and every canvas has the same size, so equal lengths on screen are equal lengths
 * in the embedding. Drawing uses the scatter panel's renderers (WebGL2, Canvas2D fallback).
 */
export function SharedScatterPair({
  a,
  b,
  captionA,
  captionB,
}: {
  a: ExplorerStore;
  b: ExplorerStore;
  captionA: ReactNode;
  captionB: ReactNode;
}) {
  const rowRef = useRef<HTMLDivElement>(null);
  const canvasRefs = useRef<(HTMLCanvasElement | null)[]>([]);

  useEffect(() => {
    const currentStores = [a, b];
    const row = rowRef.current;
    if (!row) return;
    let pending = 0;
    let side = 0;
    let pixelRatio = 1;
    const lives: Live[] = [];

    const draw = () => {
      pending = 0;
      if (side === 0) return;
      const frames = currentStores.map((store) => store.getState().frame);
      const boxes: FitBox[] = [];
      for (const frame of frames)
        if (frame && frame.embedding.length > 0) boxes.push(fitBox(frame.embedding));
      const view = viewFor(unionBox(boxes), IDENTITY, side, side);
      frames.forEach((frame, i) => {
        const live = lives[i];
        if (!live?.renderer || !frame || frame.embedding.length === 0) return;
        const n = frame.embedding.length / 2;
        const runInfo = currentStores[i].getState().runInfo;
        if (!live.colouring || live.colouredFor !== runInfo || live.colouring.paletteIndex.length !== n) {
          live.colouring = colouringFor(runInfo, n);
          live.colouredFor = runInfo;
        }
        live.renderer.draw({
          points: frame.embedding,
          colouring: live.colouring,
          view,
          pointSize: pointSizeFor(n),
          width: side,
          height: side,
          pixelRatio,
        });
        live.canvas.dataset.runId = String(frame.runId);
        live.canvas.dataset.epoch = String(frame.epoch);
        live.canvas.dataset.scale = String(view.sx);
      });
    };
    const requestDraw = () => {
      if (pending === 0) pending = requestAnimationFrame(draw);
    };

    for (const canvas of canvasRefs.current.slice(0, currentStores.length)) {
      if (!canvas) return;
      const renderer = createWebglScatter(canvas, requestDraw) ?? createCanvasScatter(canvas);
      canvas.dataset.renderer = renderer?.kind ?? 'none';
      lives.push({ canvas, renderer, colouredFor: null, colouring: null });
    }

    // One size for every canvas: the same view then means the same scale.
    const resize = new ResizeObserver(() => {
      const count = Math.max(1, lives.length);
      side = Math.max(0, Math.floor((row.clientWidth - GAP_PX * (count - 1)) / count));
      pixelRatio = window.devicePixelRatio || 1;
      for (const live of lives) {
        live.canvas.style.width = `${side}px`;
        live.canvas.style.height = `${side}px`;
        sizeDrawingBuffer(live.canvas, side, side, pixelRatio);
      }
      draw();
    });
    resize.observe(row);

    const unsubscribes = currentStores.map((store) =>
      store.subscribe((state, previous) => {
        if (state.frame !== previous.frame || state.runInfo !== previous.runInfo) requestDraw();
      }),
    );
    requestDraw();

    return () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
      resize.disconnect();
      if (pending) cancelAnimationFrame(pending);
      for (const live of lives) live.renderer?.dispose();
    };
  }, [a, b]);

  return (
    <div className="compare-scatters" ref={rowRef}>
      {[captionA, captionB].map((caption, i) => (
        <figure key={names[i]} className="compare-scatter">
          <canvas
            ref={(canvas) => {
              canvasRefs.current[i] = canvas;
            }}
            role="img"
            aria-label={`Scatter plot of run ${names[i]}`}
            data-run={names[i]}
          />
          <figcaption>{caption}</figcaption>
        </figure>
      ))}
    </div>
  );
}
