import type { RunInfo } from '../../engine/frame';
import { createCanvasScatter } from '../scatter/canvasScatter';
import { colourByHue, colourByLabel, colourUniform } from '../scatter/pointColours';
import { fitBox, pointSizeFor, viewFor } from '../scatter/scene';

export interface ScatterPngOptions {
  /** CSS pixels; the bitmap is `pixelRatio` times larger. */
  width: number;
  height: number;
  pixelRatio: number;
}

/**
 * The embedding as a PNG, drawn afresh on a detached canvas and read in the same task. Reading the
 * on-page WebGL canvas would need `preserveDrawingBuffer` (its buffer is cleared once shown); a
 * redraw costs one O(n) pass and leaves the live renderer untouched. The view is the auto-fit one,
 * coloured by ring angle when the data has one, else by label.
 */
export function scatterPng(
  embedding2d: Float32Array,
  runInfo: RunInfo | null,
  { width, height, pixelRatio }: ScatterPngOptions,
): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * pixelRatio);
  canvas.height = Math.round(height * pixelRatio);
  const renderer = createCanvasScatter(canvas);
  if (!renderer) return Promise.reject(new Error('This browser cannot draw on a canvas.'));
  const n = embedding2d.length / 2;
  const colouring =
    runInfo?.hue && runInfo.hue.length === n
      ? colourByHue(runInfo.hue)
      : runInfo?.labels && runInfo.labels.length === n
        ? colourByLabel(runInfo.labels, runInfo.labelNames?.length ?? 0)
        : colourUniform(n);
  renderer.draw({
    points: embedding2d,
    colouring,
    view: viewFor(fitBox(embedding2d), { k: 1, x: 0, y: 0 }, width, height),
    pointSize: pointSizeFor(n),
    width,
    height,
    pixelRatio,
  });
  renderer.dispose();
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded.'))),
      'image/png',
    ),
  );
}
