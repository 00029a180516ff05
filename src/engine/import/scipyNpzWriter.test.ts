import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScipyNpz } from './scipyNpz';
import { writeScipyNpz } from './scipyNpzWriter';
import { syntheticUmapGraph } from './syntheticUmap';

const PYTHON = process.env.UMAP_PYTHON ?? '/usr/bin/python3';

describe('our .npz writer', () => {
  const graph = syntheticUmapGraph(500, 4);

  it('writes what our reader reads back, entry for entry', async () => {
    const back = await parseScipyNpz(writeScipyNpz(graph), 'ours.npz');
    expect(Array.from(back.rowPtr)).toEqual(Array.from(graph.rowPtr));
    expect(Array.from(back.cols)).toEqual(Array.from(graph.cols));
    expect(Array.from(back.values)).toEqual(Array.from(graph.values));
  });

  it('writes what scipy.sparse.load_npz reads (CRC-32 checked): the same shape, nnz, Σμ and symmetry', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'npz-')), 'ours.npz');
    writeFileSync(path, writeScipyNpz(graph));
    const script =
      'import sys, scipy.sparse as s; m = s.load_npz(sys.argv[1]); ' +
      'print(m.shape[0], m.shape[1], m.nnz, repr(float(m.sum())), abs(m - m.T).max())';
    const result = spawnSync(PYTHON, ['-c', script, path], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const [rows, columns, nnz, sum, asymmetry] = result.stdout.trim().split(/\s+/).map(Number);
    expect([rows, columns, nnz]).toEqual([500, 500, graph.rowPtr[500]]);
    expect(sum).toBeCloseTo(
      graph.values.reduce((total, value) => total + value, 0),
      3,
    );
    expect(asymmetry).toBe(0);
  });
});
