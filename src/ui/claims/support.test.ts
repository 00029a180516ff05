import { describe, expect, it } from 'vitest';
import type { ActualLoss, EvaluatedLosses } from '../../engine/frame';
import { describeActual, describeCadence } from '../charts/cadence';
import { histogramDistance, massAbove08 } from '../charts/histogramStats';
import { nearestIndex } from '../charts/useElementWidth';
import { labelAgreement } from './labelAgreement';
import { latestTotals } from './latestLosses';

const parts = (total: number) => ({ attractive: total / 2, repulsive: total / 2, total });

describe('latestTotals', () => {
  it('pairs the latest evaluation with the actual loss of the same epoch', () => {
    const actual: ActualLoss[] = Array.from({ length: 12 }, (_, epoch) => ({
      epoch,
      actual: parts(100 + epoch),
    }));
    const evaluations: EvaluatedLosses[] = [
      { epoch: 5, purported: parts(900), effective: parts(90) },
      { epoch: 10, purported: parts(1000), effective: parts(80) },
    ];
    expect(latestTotals({ actual, evaluations }, null)).toEqual({
      epoch: 10,
      purported: 1000,
      effective: 80,
      actual: 109,
    });
    expect(latestTotals({ actual: actual.slice(0, 3), evaluations: [] }, null)).toEqual({
      epoch: 3,
      actual: 102,
    });
    expect(latestTotals({ actual: [], evaluations: [] }, null)).toBeNull();
  });
});

describe('describeCadence', () => {
  it('says the cadence and the number of points', () => {
    expect(describeCadence(Array.from({ length: 100 }, (_, i) => 5 * (i + 1)))).toBe(
      'every 5 epochs, 100 points',
    );
    expect(describeCadence([0, 5, 10, 15, 17])).toBe('every 5 epochs, 5 points');
    expect(describeCadence([0, 1, 2, 3, 8, 13, 18, 23, 28])).toBe(
      'mostly every 5 epochs (gaps of 1–5), 9 points',
    );
    expect(describeCadence([])).toBe('not evaluated yet');
  });

  it('says how the actual loss is drawn', () => {
    expect(describeActual(500, 500)).toBe('actual (eq. 11): every epoch, 500 points');
    expect(describeActual(10_000, 1000)).toBe(
      'actual (eq. 11): every epoch, 10,000 values drawn as 1,000 means of 10',
    );
  });
});

describe('histogram statistics', () => {
  it('massAbove08 counts bins 80–99', () => {
    const counts = new Float64Array(100);
    counts[79] = 1;
    counts[80] = 1;
    counts[99] = 2;
    expect(massAbove08(counts)).toBeCloseTo(0.75, 14);
  });

  it('histogramDistance is the earth mover’s distance of the normalised histograms', () => {
    const a = new Float64Array(100);
    const b = new Float64Array(100);
    a[10] = 5;
    b[30] = 2;
    expect(histogramDistance(a, a)).toBe(0);
    expect(histogramDistance(a, b)).toBeCloseTo(0.2, 12);
    expect(histogramDistance(a, new Float64Array(100))).toBeNaN();
  });
});

describe('labelAgreement', () => {
  it('is 1 for two far-apart labelled clusters and 0.5 by chance', () => {
    const n = 40;
    const embedding = new Float32Array(2 * n);
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      labels[i] = i < n / 2 ? 0 : 1;
      embedding[2 * i] = labels[i] * 100 + (i % 5);
      embedding[2 * i + 1] = Math.floor(i / 5) % 4;
    }
    expect(labelAgreement(embedding, labels, 5)).toEqual({ k: 5, agreement: 1, chance: 0.5 });
  });

  it('is low when the labels alternate along a line', () => {
    const n = 30;
    const embedding = new Float32Array(2 * n);
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      embedding[2 * i] = i;
      labels[i] = i % 2;
    }
    const result = labelAgreement(embedding, labels, 2);
    expect(result?.agreement).toBeLessThan(0.1);
  });
});

describe('nearestIndex', () => {
  it('finds the nearest entry of an ascending array', () => {
    const sorted = [0, 5, 10, 20];
    expect(nearestIndex(sorted, 7)).toBe(1);
    expect(nearestIndex(sorted, 8)).toBe(2);
    expect(nearestIndex(sorted, 100)).toBe(3);
    expect(nearestIndex(sorted, -3)).toBe(0);
    expect(nearestIndex([], 1)).toBe(-1);
  });
});
