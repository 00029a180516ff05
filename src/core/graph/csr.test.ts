import { describe, expect, it } from 'vitest';
import { edgeCount, graphFromCoo, mapGraphValues, maxValue, minValue, transposeGraph } from './csr';

describe('graph helpers', () => {
  // (0,2)=0.5, (0,1)=0.25, (2,0)=1, (1,1)=0 (dropped), (2,0) again +0.5 (summed)
  const g = graphFromCoo(
    3,
    Int32Array.from([0, 0, 2, 1, 2]),
    Int32Array.from([2, 1, 0, 1, 0]),
    Float32Array.from([0.5, 0.25, 1, 0, 0.5]),
  );

  it('builds CSR from COO with ascending columns, summed duplicates and no zeros', () => {
    expect(Array.from(g.rowPtr)).toEqual([0, 2, 2, 3]);
    expect(Array.from(g.cols)).toEqual([1, 2, 0]);
    expect(Array.from(g.values)).toEqual([0.25, 0.5, 1.5]);
    expect(edgeCount(g)).toBe(3);
    expect(maxValue(g)).toBe(1.5);
    expect(minValue(g)).toBe(0.25);
  });

  it('uses only the first `count` triplets', () => {
    const h = graphFromCoo(2, Int32Array.from([0, 1]), Int32Array.from([1, 0]), Float32Array.from([3, 4]), 1);
    expect(Array.from(h.rowPtr)).toEqual([0, 1, 1]);
  });

  it('transposes with ascending columns', () => {
    const t = transposeGraph(g);
    expect(Array.from(t.rowPtr)).toEqual([0, 1, 2, 3]);
    expect(Array.from(t.cols)).toEqual([2, 0, 0]);
    expect(Array.from(t.values)).toEqual([1.5, 0.25, 0.5]);
  });

  it('maps values to float32 and removes entries mapped to 0', () => {
    const m = mapGraphValues(g, (value) => (value < 0.4 ? 0 : value / 3));
    expect(Array.from(m.rowPtr)).toEqual([0, 1, 1, 2]);
    expect(Array.from(m.cols)).toEqual([2, 0]);
    expect(Array.from(m.values)).toEqual([Math.fround(0.5 / 3), 0.5]);
  });
});
