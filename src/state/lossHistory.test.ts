import { describe, expect, it } from 'vitest';
import type { ActualLoss } from '../engine/frame';
import { downsampleActual } from './lossHistory';

const entry = (epoch: number, total: number): ActualLoss => ({
  epoch,
  actual: { attractive: total / 4, repulsive: (3 * total) / 4, total },
});

describe('downsampleActual', () => {
  it('keeps every epoch, at index + 1, when there are few', () => {
    const result = downsampleActual([entry(0, 0), entry(1, 10), entry(2, 20)], 1000);
    expect(Array.from(result.epochs)).toEqual([1, 2, 3]);
    expect(Array.from(result.total)).toEqual([0, 10, 20]);
  });

  it('averages buckets so no more than maxPoints remain', () => {
    const actual = Array.from({ length: 10 }, (_, i) => entry(i, i));
    const result = downsampleActual(actual, 4); // buckets of 3: [0,1,2] [3,4,5] [6,7,8] [9]
    expect(Array.from(result.epochs)).toEqual([2, 5, 8, 10]);
    expect(Array.from(result.total)).toEqual([1, 4, 7, 9]);
    expect(Array.from(result.attractive)).toEqual([0.25, 1, 1.75, 2.25]);
    expect(Array.from(result.repulsive)).toEqual([0.75, 3, 5.25, 6.75]);
  });
});
