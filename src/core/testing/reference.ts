/**
 * Test-only access to ../shared/reference (umap-learn's outputs for the paper ring), read with
 * Node's fs. The repository is checked out beside shared/ locally and in CI.
 */
import { readFileSync } from 'node:fs';
import type { Dataset } from '../types';

const referenceDir = new URL('../../../../shared/reference/', import.meta.url);

export function readReferenceText(file: string): string {
  return readFileSync(new URL(file, referenceDir), 'utf8');
}

/** `umap_learn_reference.json`. */
export function referenceJson() {
  return JSON.parse(readReferenceText('umap_learn_reference.json'));
}

/** An n×2 CSV of the reference directory (no header) as float32 coordinates. */
export function readReferenceLayout(file: string): Float32Array {
  const lines = readReferenceText(file).trim().split('\n');
  const layout = new Float32Array(2 * lines.length);
  lines.forEach((line, i) => {
    const [x, y] = line.split(',').map(Number);
    layout[2 * i] = x;
    layout[2 * i + 1] = y;
  });
  return layout;
}

/** The paper's ring, np.random.seed(3), as written by umap-learn's reference run (8 decimals). */
export function readReferenceRing(): Dataset {
  const points = readReferenceLayout('ring_seed3_input.csv');
  return { name: 'ring seed 3', n: points.length / 2, dim: 2, points };
}
