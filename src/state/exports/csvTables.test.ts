import { csvParse, csvParseRows } from 'd3';
import { describe, expect, it } from 'vitest';
import type { EvaluatedLosses } from '../../engine/frame';
import { embeddingCsv, formatFloat32, histogramsCsv, lossHistoryCsv } from './csvTables';

describe('formatFloat32', () => {
  it('writes the shortest decimal that reads back as the same float32', () => {
    expect(formatFloat32(Math.fround(0.1))).toBe('0.1');
    expect(formatFloat32(Math.fround(-3.25))).toBe('-3.25');
    expect(formatFloat32(Math.fround(1 / 3))).toBe('0.33333334');
    const values = new Float32Array(2000);
    for (let i = 0; i < values.length; i++) values[i] = (Math.sin(i * 12.9898) * 43758.5453) % 97;
    for (const value of values) {
      const text = formatFloat32(value);
      expect(Math.fround(Number(text))).toBe(value);
      expect(text.replace(/[-.]|e.*$/g, '').replace(/^0+/, '').length).toBeLessThanOrEqual(9);
    }
  });
});

describe('embeddingCsv', () => {
  const embedding = Float32Array.from([0.5, -1.25, 2, 3.5, 1e-8, 7]);

  it('writes x,y per point in input order', () => {
    expect(embeddingCsv(embedding)).toBe('x,y\n0.5,-1.25\n2,3.5\n1e-8,7\n');
  });

  it('adds the label as its name, CSV-quoted, and an index column when asked', () => {
    const labels = Int32Array.from([0, 1, 2]);
    const text = embeddingCsv(embedding, {
      labels,
      labelNames: ['a,b', 'say "hi"', 'line\nbreak'],
      index: true,
    });
    expect(text.startsWith('index,x,y,label\n0,0.5,-1.25,"a,b"\n1,2,3.5,"say ""hi"""\n')).toBe(true);
    const rows = csvParse(text);
    expect(rows.map((row) => row.label)).toEqual(['a,b', 'say "hi"', 'line\nbreak']);
    expect(rows.map((row) => Number(row.index))).toEqual([0, 1, 2]);
  });

  it('writes a label without a name as its number, and never as markup', () => {
    const text = embeddingCsv(embedding, { labels: Int32Array.from([3, 0, 3]), labelNames: ['<b>x</b>'] });
    expect(csvParse(text).map((row) => row.label)).toEqual(['3', '<b>x</b>', '3']);
  });

  it('rejects labels of another length', () => {
    expect(() => embeddingCsv(embedding, { labels: new Int32Array(2) })).toThrow('2 labels for 3 points');
  });
});

describe('lossHistoryCsv', () => {
  const parts = (attractive: number, repulsive: number) => ({
    attractive,
    repulsive,
    total: attractive + repulsive,
  });

  it('puts the loss of each epoch on the row of the epochs completed, evaluated losses where evaluated', () => {
    // A 3-epoch run: the actual loss of epoch index 0, 1, 2; purported/effective at 0, 2 and 3 epochs.
    const evaluations: EvaluatedLosses[] = [
      { epoch: 0, purported: parts(10, 20), effective: parts(1, 2) },
      { epoch: 2, purported: parts(11, 21.5), effective: parts(1.5, 2.5) },
      { epoch: 3, purported: parts(12, 22), effective: parts(2, 3) },
    ];
    const text = lossHistoryCsv(
      [0, 1, 2].map((epoch) => ({ epoch, actual: parts(epoch + 1, 0.25) })),
      evaluations,
    );
    expect(text.split('\n')).toEqual([
      'epoch,actual_attractive,actual_repulsive,actual_total,purported_attractive,purported_repulsive,purported_total,effective_attractive,effective_repulsive,effective_total',
      '0,,,,10,20,30,1,2,3',
      '1,1,0.25,1.25,,,,,,',
      '2,2,0.25,2.25,11,21.5,32.5,1.5,2.5,4',
      '3,3,0.25,3.25,12,22,34,2,3,5',
      '',
    ]);
  });

  it('has a row for the last epoch run even when it was not evaluated', () => {
    const rows = csvParse(
      lossHistoryCsv(
        [0, 1, 2, 3, 4].map((epoch) => ({ epoch, actual: parts(1, 1) })),
        [{ epoch: 0, purported: parts(1, 1), effective: parts(1, 1) }],
      ),
    );
    expect(rows.map((row) => Number(row.epoch))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(rows[0].actual_total).toBe('');
    expect(rows[5].actual_total).toBe('2');
  });

  it('is a header only without losses', () => {
    expect(csvParseRows(lossHistoryCsv([], []))).toHaveLength(1);
  });
});

describe('histogramsCsv', () => {
  const bins = 100;
  const mu = Float64Array.from({ length: bins }, (_, i) => i);
  const nuStar = Float64Array.from({ length: bins }, (_, i) => (i === bins - 1 ? 900 : 1));

  it('writes the bin edges of [0, 1] and the three pair counts', () => {
    const nu = Float64Array.from({ length: bins }, (_, i) => 2 * i);
    const lines = histogramsCsv({ mu, nuStar, nu, nuEpoch: 40 }).split('\n');
    expect(lines[0]).toBe('bin_left,bin_right,mu,nu_star,nu');
    expect(lines[1]).toBe('0,0.01,0,1,0');
    expect(lines[8]).toBe('0.07,0.08,7,1,14');
    expect(lines[100]).toBe('0.99,1,99,900,198');
    const rows = csvParse(lines.join('\n'));
    expect(rows).toHaveLength(bins);
    expect(rows.reduce((sum, row) => sum + Number(row.nu_star), 0)).toBe(999);
  });

  it('leaves ν empty before the first evaluation', () => {
    const rows = csvParse(histogramsCsv({ mu, nuStar, nu: null, nuEpoch: 0 }));
    expect(rows.every((row) => row.nu === '')).toBe(true);
    expect(Number(rows[42].mu)).toBe(42);
  });
});
