import { describe, expect, it } from 'vitest';
import { createRateMeter, stageRemainingSeconds } from './timeEstimates';

describe('stageRemainingSeconds', () => {
  it('extrapolates the pace so far: 2 s for a quarter leaves 6 s', () => {
    expect(stageRemainingSeconds(2, 0.25)).toBe(6);
    expect(stageRemainingSeconds(0.5, 0.05)).toBeCloseTo(9.5, 12);
    expect(stageRemainingSeconds(3, 1)).toBe(0);
  });

  it('gives no estimate before 5 % of the stage or before half a second', () => {
    expect(stageRemainingSeconds(10, 0.049)).toBeUndefined();
    expect(stageRemainingSeconds(0.49, 0.5)).toBeUndefined();
    expect(stageRemainingSeconds(Number.NaN, 0.5)).toBeUndefined();
  });
});

describe('createRateMeter', () => {
  it('is 0 before anything is recorded, then epochs over seconds', () => {
    const meter = createRateMeter();
    expect(meter.perSecond).toBe(0);
    meter.record(10, 0.5);
    expect(meter.perSecond).toBe(20);
    meter.record(0, 0);
    expect(meter.perSecond).toBe(20);
  });

  it('follows a change of pace within a few half-lives', () => {
    const meter = createRateMeter(2);
    for (let i = 0; i < 100; i++) meter.record(10, 0.1); // 100 epochs/s for 10 s
    expect(meter.perSecond).toBeCloseTo(100, 9);
    for (let i = 0; i < 80; i++) meter.record(5, 0.1); // then 50 epochs/s for 8 s (4 half-lives)
    expect(meter.perSecond).toBeGreaterThan(50);
    expect(meter.perSecond).toBeLessThan(55);
  });
});
