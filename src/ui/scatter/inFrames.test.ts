import { afterEach, describe, expect, it, vi } from 'vitest';
import { type FrameSlice, inFrames, UNITS_PER_FRAME } from './inFrames';

/** A job of `total` units that logs, per frame, how many it did. */
function job(total: number, log: number[]): FrameSlice {
  let left = total;
  return (units) => {
    const used = Math.min(units, left);
    left -= used;
    log.push(used);
    return { used, done: left === 0 };
  };
}

describe('inFrames', () => {
  const frames: FrameRequestCallback[] = [];
  const nextFrame = () => frames.shift()?.(0);
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  afterEach(() => {
    while (frames.length > 0) nextFrame();
  });

  it('does at most UNITS_PER_FRAME a frame across jobs, first come first served, until each is done', () => {
    const first: number[] = [];
    const second: number[] = [];
    inFrames(job(2.5 * UNITS_PER_FRAME, first));
    inFrames(job(UNITS_PER_FRAME, second));
    expect(frames).toHaveLength(1);
    nextFrame();
    expect([first, second]).toEqual([[UNITS_PER_FRAME], []]);
    nextFrame();
    nextFrame();
    expect(first).toEqual([UNITS_PER_FRAME, UNITS_PER_FRAME, UNITS_PER_FRAME / 2]);
    expect(second).toEqual([UNITS_PER_FRAME / 2]);
    nextFrame();
    expect(second).toEqual([UNITS_PER_FRAME / 2, UNITS_PER_FRAME / 2]);
    expect(frames).toHaveLength(0);
  });

  it('a cancelled job does no more work', () => {
    const log: number[] = [];
    const cancel = inFrames(job(3 * UNITS_PER_FRAME, log));
    nextFrame();
    cancel();
    nextFrame();
    expect(log).toEqual([UNITS_PER_FRAME]);
  });
});
