import { describe, expect, it } from 'vitest';
import { colourByHue, colourByLabel, HUE_STEPS } from './pointColours';

describe('point colourings', () => {
  it('colours by label: unlabelled (−1) points take label 0, the palette covers the largest label', () => {
    const colouring = colourByLabel(Int32Array.from([-1, 0, 4, 1]), 3);
    expect(Array.from(colouring.paletteIndex)).toEqual([0, 0, 4, 1]);
    expect(colouring.palette).toHaveLength(5);
    expect(colouring.paletteRgb).toHaveLength(15);
    expect(colourByLabel(Int32Array.from([0, 1]), 10).palette).toHaveLength(10);
  });

  it('colours by hue: a cyclic coordinate wraps into HUE_STEPS steps', () => {
    const colouring = colourByHue(Float32Array.from([0, 0.5, 1.25, -0.25, 0.999]));
    expect(Array.from(colouring.paletteIndex)).toEqual([
      0,
      HUE_STEPS / 2,
      HUE_STEPS / 4,
      (3 * HUE_STEPS) / 4,
      HUE_STEPS - 1,
    ]);
    expect(colouring.palette).toHaveLength(HUE_STEPS);
  });
});
