import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from './config';
import { type CsvLoadRequest, inspectCsvResult, loadCsvResult } from './csvSession';
import { createEngine } from './engine';
import type { ExternalDataset } from './pipeline';

const fixture = (name: string): ArrayBuffer => {
  const bytes = readFileSync(new URL(`./csv/fixtures/${name}`, import.meta.url));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
};

const request: CsvLoadRequest = {
  name: 'three.csv',
  k: 15,
  seed: 3,
  featureColumns: [0, 1, 2, 3, 4],
  labelColumn: 5,
  standardize: false,
  metric: 'euclidean',
  dropInvalidRows: false,
};

describe('csvSession', () => {
  it('inspects a file and suggests its label column', () => {
    const result = inspectCsvResult(fixture('good_three_clusters.csv'));
    if (!result.ok) throw new Error(result.message);
    expect(result.value.suggestedFeatureColumns).toEqual([0, 1, 2, 3, 4]);
    expect(result.value.suggestedLabelColumn).toBe(5);
  });

  it('loads a file into the engine under its SHA-256 and answers with its size only', async () => {
    const accepted: ExternalDataset[] = [];
    const fractions: number[] = [];
    const result = await loadCsvResult(
      fixture('good_three_clusters.csv'),
      request,
      (d) => accepted.push(d),
      (f) => fractions.push(f) > 0,
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.value).toMatchObject({ name: 'three.csv', n: 300, dim: 5, duplicateRows: 0 });
    expect(result.value.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(accepted).toHaveLength(1);
    expect(accepted[0].id).toBe(result.value.sha256);
    expect(accepted[0].dataset.labelNames).toEqual(['alpha', 'beta', 'gamma']);
    expect(fractions.at(-1)).toBe(1);
  });

  it('returns the message and the droppable rows of invalid values, accepting nothing', async () => {
    const accepted: ExternalDataset[] = [];
    const bad = { ...request, featureColumns: [0, 1], labelColumn: null, k: 5 };
    const result = await loadCsvResult(
      fixture('bad_nan.csv'),
      bad,
      (d) => accepted.push(d),
      () => true,
    );
    expect(result).toMatchObject({ ok: false, droppableRows: [22], droppable: 'invalid' });
    expect(accepted).toEqual([]);
    const ragged = await loadCsvResult(
      fixture('bad_ragged_short.csv'),
      bad,
      (d) => accepted.push(d),
      () => true,
    );
    expect(ragged).toEqual({
      ok: false,
      message: expect.stringMatching(/^row 4 has 2 fields, expected 3\./),
    });
    expect(accepted).toEqual([]);
  });

  it('offers to drop all-zero rows under cosine, and records the drop and any rescaled column', async () => {
    const zero = {
      ...request,
      featureColumns: [0, 1, 2],
      labelColumn: null,
      k: 5,
      metric: 'cosine' as const,
    };
    const refused = await loadCsvResult(
      fixture('cosine_zero_rows.csv'),
      zero,
      () => {},
      () => true,
    );
    expect(refused).toMatchObject({ ok: false, droppable: 'zero', droppableRows: [5, 12, 20] });
    const dropped = await loadCsvResult(
      fixture('cosine_zero_rows.csv'),
      { ...zero, dropZeroRows: true },
      () => {},
      () => true,
    );
    if (!dropped.ok) throw new Error(dropped.message);
    expect(dropped.value).toMatchObject({ n: 27, zeroRows: [5, 12, 20], droppedRows: [] });
    expect(dropped.value.source).toMatchObject({ droppedRows: 0, zeroRows: 3 });
    expect(dropped.value.source.rescaled).toBeUndefined();

    const big = { ...request, featureColumns: [0, 1], labelColumn: null, k: 5 };
    const scaled = await loadCsvResult(
      fixture('beyond_float32.csv'),
      big,
      () => {},
      () => true,
    );
    if (!scaled.ok) throw new Error(scaled.message);
    expect(scaled.value.source.rescaled).toEqual([{ name: 'big', prescale: 1, offset: 0, divisor: 1e39 }]);
  });

  it('reports a cancelled load as cancelled', async () => {
    const result = await loadCsvResult(
      fixture('good_three_clusters.csv'),
      request,
      () => {},
      () => false,
    );
    expect(result).toMatchObject({ ok: false, cancelled: true });
  });

  it('makes the engine rebuild when a different CSV is loaded under the same configuration', async () => {
    const queue: (() => void)[] = [];
    const engine = createEngine({ schedule: (task) => queue.push(task) });
    const drain = () => {
      while (queue.length > 0) queue.shift()?.();
    };
    const config = { ...defaultConfig, dataset: 'csv' as const, init: 'spectral' as const };
    const first = await engine.loadCsv(fixture('good_three_clusters.csv'), request);
    expect(first.ok).toBe(true);
    expect(engine.configure(config).applied).toBe('restart');
    drain();
    const header = { ...request, featureColumns: [0, 1], labelColumn: null, k: 5 };
    const second = await engine.loadCsv(fixture('good_header.csv'), header);
    expect(second.ok).toBe(true);
    expect(engine.configure(config).rebuild).toEqual(['dataset', 'knn', 'graph', 'init', 'optimizer']);
    drain();
    expect((await engine.pullFrame(-1)).runInfo?.n).toBe(30);
    // The same file again under the same configuration changes nothing.
    expect(engine.configure(config).applied).toBe('none');
  });
});
