import { rgb } from 'd3';
import { hueColour, labelColour } from '../charts/axes';

/** A per-point palette index into a small palette: the Canvas2D renderer batches by it. */
export interface PointColouring {
  /** CSS colours. */
  palette: string[];
  /** The same colours as bytes, 3 per entry, for the WebGL buffer. */
  paletteRgb: Uint8Array;
  /** Palette entry of each point. */
  paletteIndex: Uint16Array;
}

/** Hue is quantised into this many colours: invisible steps, and a frame is 64 paths in Canvas2D. */
export const HUE_STEPS = 64;

function withBytes(palette: string[], paletteIndex: Uint16Array): PointColouring {
  const paletteRgb = new Uint8Array(3 * palette.length);
  palette.forEach((colour, p) => {
    const { r, g, b } = rgb(colour);
    paletteRgb[3 * p] = r;
    paletteRgb[3 * p + 1] = g;
    paletteRgb[3 * p + 2] = b;
  });
  return { palette, paletteRgb, paletteIndex };
}

/** Colours by a cyclic coordinate in [0, 1) (the ring angle / 2π). */
export function colourByHue(hue: Float32Array): PointColouring {
  const palette = Array.from({ length: HUE_STEPS }, (_, s) => hueColour((s + 0.5) / HUE_STEPS));
  const index = new Uint16Array(hue.length);
  for (let i = 0; i < hue.length; i++) {
    const h = hue[i] - Math.floor(hue[i]);
    index[i] = Math.min(HUE_STEPS - 1, Math.floor(h * HUE_STEPS));
  }
  return withBytes(palette, index);
}

/** Colours by class label 0, 1, 2, … */
export function colourByLabel(labels: Int32Array, labelCount: number): PointColouring {
  // One pass: at n = 200 000 this runs cold on the main thread as a run's first frame arrives.
  let count = Math.max(1, labelCount);
  const index = new Uint16Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label > 0) {
      index[i] = label;
      if (label >= count) count = label + 1;
    }
  }
  const palette = Array.from({ length: count }, (_, l) => labelColour(l));
  return withBytes(palette, index);
}

/** Points outside a highlight: light grey, so the highlighted ones stand out in their own colours. */
const DIMMED_COLOUR = '#d9d9d9';

/** `colouring` with every point not in `highlighted` (sorted indices) dimmed to grey. */
export function withHighlight(colouring: PointColouring, highlighted: Int32Array): PointColouring {
  const dimmed = colouring.palette.length;
  const index = new Uint16Array(colouring.paletteIndex.length).fill(dimmed);
  for (const i of highlighted) if (i < index.length) index[i] = colouring.paletteIndex[i];
  return withBytes([...colouring.palette, DIMMED_COLOUR], index);
}

/** One colour for every point, when the dataset has neither hue nor labels. */
export function colourUniform(n: number): PointColouring {
  return withBytes(['#3b6fb6'], new Uint16Array(n));
}
