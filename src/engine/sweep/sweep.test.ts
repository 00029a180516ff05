import { describe, expect, it } from 'vitest';
import { defaultConfig, type ExplorerConfig } from '../config';
import { runSweep, type SweepResult } from './runSweep';
import { checkSweep, decodeSweep, encodeSweep, type SweepSpec, sweepValues } from './sweepSpec';

const context = {
  external: null,
  shouldCancel: () => false,
  now: () => performance.now(),
  report: async () => {},
};

describe('sweep specs', () => {
  it('steps evenly or in the logarithm, rounds integer parameters and drops their repeats', () => {
    expect(sweepValues({ parameter: 'spectrum', from: 0, to: 1, count: 5, scale: 'linear' })).toEqual([
      0, 0.25, 0.5, 0.75, 1,
    ]);
    expect(sweepValues({ parameter: 'm', from: 5, to: 500, count: 3, scale: 'log' })).toEqual([5, 50, 500]);
    expect(sweepValues({ parameter: 'k', from: 2, to: 3, count: 5, scale: 'linear' })).toEqual([2, 3]);
  });

  it('round-trips through a link and says what is wrong with a bad one', () => {
    const spec: SweepSpec = { parameter: 'exaggeration', from: 1, to: 30, count: 5, scale: 'log' };
    expect(encodeSweep(spec)).toBe('rho:1:30:5:log');
    expect(decodeSweep(encodeSweep(spec))).toEqual(spec);
    expect(decodeSweep('s:0:1:5')).toEqual({
      parameter: 'spectrum',
      from: 0,
      to: 1,
      count: 5,
      scale: 'linear',
    });
    expect(decodeSweep('lr:0:1:5')).toEqual({ error: expect.stringMatching(/s, rho, m, n, k/) });
    expect(decodeSweep('s:0:x:5')).toEqual({ error: expect.stringMatching(/<parameter>:<from>:<to>/) });
  });

  it('clamps the panels and the range, and passes every panel through the configuration rules', () => {
    const { spec, configs, notices } = checkSweep(
      { parameter: 'k', from: 2, to: 400, count: 12, scale: 'log' },
      { ...defaultConfig, n: 30 },
    );
    expect(spec.count).toBe(9);
    expect(spec.to).toBe(50);
    expect(configs.every((config) => config.k < 30)).toBe(true);
    expect(notices.join(' ')).toMatch(/2–9 panels/);
    expect(notices.join(' ')).toMatch(/k = \d+ needs at least/);
  });
});

describe('runSweep', () => {
  it('runs one panel per value on shared data, scored and Procrustes-aligned', async () => {
    const base: ExplorerConfig = { ...defaultConfig, n: 300, epochs: 60 };
    const seen: number[] = [];
    const result = (await runSweep({ parameter: 'm', from: 1, to: 9, count: 3, scale: 'linear' }, base, {
      ...context,
      onPanel: (_, index) => seen.push(index),
    })) as SweepResult;
    expect(result.panels.map((panel) => panel.value)).toEqual([1, 5, 9]);
    expect(seen).toEqual([0, 1, 2]);
    expect(result.aligned).toBe(true);
    for (const panel of result.panels) {
      expect(panel.embedding).toHaveLength(600);
      expect(panel.metrics.ringThickness).toBeGreaterThan(0);
      expect(panel.metrics.knnRecall10).toBeGreaterThan(0.2);
      expect(panel.colours.kind).toBe('hue');
    }
    // More negative samples, more repulsion per sampled edge: the final actual loss grows with m.
    const losses = result.panels.map((panel) => panel.metrics.finalLoss);
    expect(losses[0]).toBeLessThan(losses[1]);
    expect(losses[1]).toBeLessThan(losses[2]);
  });

  it('stops when cancelled', async () => {
    let calls = 0;
    const result = await runSweep(
      { parameter: 'spectrum', from: 0, to: 1, count: 2, scale: 'linear' },
      { ...defaultConfig, n: 200, epochs: 50, loss: 'neg' },
      { ...context, shouldCancel: () => ++calls > 3 },
    );
    expect(result).toBeNull();
  });
});

/**
 * ICLR 2023, Fig. 1/4: along the NEG spectrum from s = 0 (t-SNE-like) to s = 1 (UMAP-like) the kNN
 * recall falls. Blobs with class labels, 3 seeds each; the means must fall from end to end.
 */
describe('the spectrum direction (ICLR 2023)', () => {
  it('kNN recall falls from s = 0 to s = 1 on labelled blobs, over 3 seeds', async () => {
    const recalls: number[][] = [];
    for (const seed of [0, 1, 2]) {
      const result = (await runSweep(
        { parameter: 'spectrum', from: 0, to: 1, count: 3, scale: 'linear' },
        { ...defaultConfig, dataset: 'blobs', n: 1500, init: 'spectral', seed, loss: 'neg', epochs: 300 },
        context,
      )) as SweepResult;
      recalls.push(result.panels.map((panel) => panel.metrics.knnRecall10 ?? Number.NaN));
    }
    console.log('spectrum recalls', JSON.stringify(recalls));
    const mean = (p: number) => recalls.reduce((sum, row) => sum + row[p], 0) / recalls.length;
    expect(mean(0)).toBeGreaterThan(mean(1));
    expect(mean(1)).toBeGreaterThan(mean(2));
    for (const row of recalls) expect(row[0]).toBeGreaterThan(row[2]);
  }, 60_000);
});
