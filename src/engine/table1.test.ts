import { describe, expect, it } from 'vitest';
import { lossTableColumns } from '../core/losses';
import { defaultConfig } from './config';
import { createEngine } from './engine';
import { populationMeanStd } from './multiSeed';
import type { Table1Progress } from './table1';
import { isPaperTable1Setting } from './table1Reference';

describe('populationMeanStd', () => {
  it('divides by the count (ddof = 0), as numpy’s .std() and the paper', () => {
    const { mean, std } = populationMeanStd([1, 2, 3, 4]);
    expect(mean).toBe(2.5);
    expect(std).toBeCloseTo(Math.sqrt(1.25), 15);
  });
});

describe('engine.runTable1', () => {
  it('3 seeds × 300 epochs on the paper ring: diverged < UMAP result < input layout, std > 0', async () => {
    // At n = 300 the order differs (result < input < diverged: the diverged loss grows as n + Σμ, the
    // others' repulsion as n²), so the ring keeps the paper's n = 1 000; 300 epochs keep it short.
    const engine = createEngine();
    const progress: Table1Progress[] = [];
    const table = await engine.runTable1(
      { seeds: 3, epochs: 300, config: { ...defaultConfig, epochs: 300 } },
      (p) => progress.push(p),
    );
    if (!table) throw new Error('cancelled');
    expect(table.seeds).toEqual([0, 1, 2]);
    expect(table.epochs).toBe(300);
    expect(table.backend).toBe('wasm');
    expect(table.dataVaries).toBe(true);
    expect(table.elapsedSeconds).toBeGreaterThan(0);
    expect(table.rows).toHaveLength(1);
    const [mu] = table.rows;
    expect(mu.similarities).toBe('mu');
    const { diverged, result, input } = mu.cells;
    expect(diverged.purported.mean).toBeLessThan(result.purported.mean);
    expect(result.purported.mean).toBeLessThan(input.purported.mean);
    expect(mu.lowest.purported).toBe('diverged');
    // UMAP descends the effective loss: its result has the lowest one.
    expect(mu.lowest.effective).toBe('result');
    for (const column of lossTableColumns) {
      const cell = mu.cells[column];
      expect(cell.perSeed.purported).toHaveLength(3);
      // The seeds change the data, so even the diverged and input columns vary.
      expect(cell.purported.std).toBeGreaterThan(0);
      expect(cell.effective.std).toBeGreaterThan(0);
    }
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]).toMatchObject({ total: 900 });
    expect(isPaperTable1Setting(table.config, 3, 300)).toBe(false);
  });

  it('adds the dense φ row, where the input layout has the lowest purported loss (as the paper)', async () => {
    const engine = createEngine();
    const table = await engine.runTable1({
      seeds: 2,
      epochs: 30,
      dense: true,
      config: { ...defaultConfig, n: 200, epochs: 30 },
    });
    if (!table) throw new Error('cancelled');
    expect(table.rows.map((row) => row.similarities)).toEqual(['mu', 'dense']);
    const dense = table.rows[1];
    expect(dense.lowest.purported).toBe('input');
    expect(dense.cells.diverged.purported.mean).toBeGreaterThan(dense.cells.result.purported.mean);
  });

  it('resolves with null when cancelled, as runSeeds', async () => {
    const engine = createEngine();
    let reports = 0;
    const table = await engine.runTable1(
      { seeds: 3, epochs: 5_000, config: { ...defaultConfig, n: 300, epochs: 5_000 } },
      () => {
        reports += 1;
        engine.cancel();
      },
    );
    expect(table).toBeNull();
    expect(reports).toBe(1);
  });

  it('says what it needs: a configuration, 2-D data', async () => {
    await expect(createEngine().runTable1({ seeds: 1, epochs: 10 })).rejects.toThrow(/Start a run first/);
    await expect(
      createEngine().runTable1({
        seeds: 1,
        epochs: 10,
        config: { ...defaultConfig, dataset: 'blobs', n: 100, init: 'random' },
      }),
    ).rejects.toThrow(/2-D data/);
  });
});
