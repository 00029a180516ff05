import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig, type ExplorerConfig } from './config';
import { encodeDigits } from './digitsFormat';
import { createEngine } from './engine';

const csvFixture = (name: string): ArrayBuffer => {
  const bytes = readFileSync(new URL(`./csv/fixtures/${name}`, import.meta.url));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
};

/** 40 synthetic 3-pixel digits served by a stubbed fetch, as the bundled asset would be. */
function serveDigits(status = 200) {
  const images = Float32Array.from({ length: 40 * 3 }, (_, p) => (p % 7) / 6);
  const labels = Uint8Array.from({ length: 40 }, (_, i) => i % 10);
  const body = encodeDigits(images, labels);
  const fetch = vi.fn(async () => new Response(status === 200 ? new Uint8Array(body) : null, { status }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function manualEngine() {
  const queue: (() => void)[] = [];
  const engine = createEngine({ schedule: (task) => queue.push(task) });
  const drain = () => {
    while (queue.length > 0) queue.shift()?.();
  };
  return { engine, drain };
}

const mnist: ExplorerConfig = { ...defaultConfig, dataset: 'mnist', n: 30, k: 5, init: 'random' };
const csv: ExplorerConfig = { ...defaultConfig, dataset: 'csv', init: 'random' };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the engine’s data sources', () => {
  it('keeps the bundled digits and a loaded CSV side by side: each configuration names its own', async () => {
    serveDigits();
    const { engine, drain } = manualEngine();
    expect(await engine.loadBundledDigits('https://example.test/digits.bin')).toEqual({ n: 40, dim: 3 });
    const bytes = csvFixture('good_three_clusters.csv');
    const inspection = engine.inspectCsv(bytes);
    if (!inspection.ok) throw new Error(inspection.message);
    const { suggestedFeatureColumns: featureColumns, suggestedLabelColumn: labelColumn } = inspection.value;
    const request = {
      name: 'three.csv',
      k: 15,
      seed: 3,
      featureColumns,
      labelColumn,
      metric: 'euclidean' as const,
    };
    const loaded = await engine.loadCsv(bytes, { ...request, standardize: false, dropInvalidRows: false });
    expect(loaded.ok).toBe(true);

    for (const [config, n, dim] of [
      [mnist, 30, 3],
      [csv, 300, 5],
      [mnist, 30, 3],
    ] as const) {
      engine.configure(config);
      drain();
      const frame = await engine.pullFrame(-1);
      expect(frame.error).toBeUndefined();
      expect([frame.runInfo?.n, frame.runInfo?.dim]).toEqual([n, dim]);
      if (config === mnist) expect(frame.runInfo?.labelCount).toBe(10);
    }
  });

  it('says what is missing: digits that failed to arrive, a CSV not loaded yet', async () => {
    serveDigits(404);
    const { engine, drain } = manualEngine();
    await expect(engine.loadBundledDigits('https://example.test/digits.bin')).rejects.toThrow(/HTTP 404/);
    engine.configure(mnist);
    drain();
    expect((await engine.pullFrame(-1)).error).toMatch(/MNIST digits could not be loaded/);
    engine.configure(csv);
    drain();
    expect((await engine.pullFrame(-1)).error).toBe('Load a CSV file first.');
  });
});
