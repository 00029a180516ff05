import { describe, expect, it } from 'vitest';
import { createDescentState, deltaBarDeltaStep, MIN_GAIN, resetDescentState } from './deltaBarDelta';
import { rescaleLayout } from './rescaleLayout';

describe('deltaBarDeltaStep', () => {
  it('raises the gain by 0.2 while the step keeps its direction, cuts it by 0.8 after an overshoot', () => {
    const y = new Float32Array([1, 1]);
    const state = createDescentState(1);
    // First step from rest: sign(0) differs from sign(g) for g ≠ 0, so both gains rise to 1.2.
    deltaBarDeltaStep(y, Float64Array.of(2, -1), state, 0.5, 0.5);
    expect(Array.from(state.gains)).toEqual([1.2, 1.2]);
    expect(Array.from(state.update)).toEqual([-1.2, 0.6]);
    expect(Array.from(y)).toEqual([Math.fround(1 - 1.2), Math.fround(1 + 0.6)]);
    // x keeps descending (g > 0 against update < 0): gain 1.2 + 0.2; y overshot (g > 0, update > 0): 1.2·0.8.
    deltaBarDeltaStep(y, Float64Array.of(1, 1), state, 0.5, 0.5);
    expect(state.gains[0]).toBeCloseTo(1.4, 15);
    expect(state.gains[1]).toBeCloseTo(0.96, 15);
    // update = momentum·update − η·gain·g.
    expect(state.update[0]).toBeCloseTo(0.5 * -1.2 - 0.5 * 1.4, 15);
    expect(state.update[1]).toBeCloseTo(0.5 * 0.6 - 0.5 * 0.96, 15);
  });

  it('keeps the gains at or above 0.01 and resets to gain 1, update 0', () => {
    const y = new Float32Array(2);
    const state = createDescentState(1);
    state.update.set([1, 1]);
    state.gains.set([0.011, 0.011]);
    deltaBarDeltaStep(y, Float64Array.of(1, 1), state, 1, 0);
    expect(Array.from(state.gains)).toEqual([MIN_GAIN, MIN_GAIN]);
    resetDescentState(state);
    expect(Array.from(state.gains)).toEqual([1, 1]);
    expect(Array.from(state.update)).toEqual([0, 0]);
  });
});

describe('rescaleLayout', () => {
  it('centres and scales by the first coordinate’s std, or the second when the first is constant', () => {
    const out = rescaleLayout(Float32Array.of(0, 0, 2, 10, 4, 20), 3, 1);
    const std = Math.sqrt(8 / 3);
    expect(out[0]).toBeCloseTo(-2 / std, 6);
    expect(out[3]).toBeCloseTo(0, 6);
    expect(out[5]).toBeCloseTo(10 / std, 5);
    const column = rescaleLayout(Float32Array.of(5, 0, 5, 2), 2, 1);
    expect(Array.from(column)).toEqual([0, -1, 0, 1]);
    expect(() => rescaleLayout(Float32Array.of(1, 2, 1, 2), 2)).toThrow(/same place/);
    expect(() => rescaleLayout(Float32Array.of(1, Number.NaN, 1, 2), 2)).toThrow(/non-finite/);
  });
});
