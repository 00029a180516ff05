import { describe, expect, it } from 'vitest';
import { fitBox, viewFor } from '../scatter/scene';
import { unionBox } from './sharedBox';

describe('unionBox', () => {
  it('is the square around both boxes', () => {
    const a = { cx: 0, cy: 0, half: 1 }; // [-1, 1]²
    const b = { cx: 4, cy: 1, half: 0.5 }; // [3.5, 4.5] × [0.5, 1.5]
    expect(unionBox([a, b])).toEqual({ cx: 1.75, cy: 0.25, half: 2.75 });
  });

  it('is the box itself for one box and the unit box for none', () => {
    expect(unionBox([{ cx: 2, cy: -3, half: 0.25 }])).toEqual({ cx: 2, cy: -3, half: 0.25 });
    expect(unionBox([])).toEqual({ cx: 0, cy: 0, half: 1 });
  });

  it('draws a small and a large embedding at one scale', () => {
    const small = fitBox(new Float32Array([-1, -1, 1, 1]));
    const large = fitBox(new Float32Array([-10, -5, 10, 5]));
    const shared = unionBox([small, large]);
    const identity = { k: 1, x: 0, y: 0 };
    const view = viewFor(shared, identity, 200, 200);
    // 20 data units across 200 − 2·12 px.
    expect(view.sx).toBeCloseTo(176 / 20, 12);
    expect(view.sy).toBeCloseTo(-176 / 20, 12);
  });
});
