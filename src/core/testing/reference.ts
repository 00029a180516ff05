/**
 * Test-only access to umap-learn's reference outputs for the paper ring, kept in ./fixtures (its
 * README says how each file was made), read with Node's fs. Every test reads them through here.
 */
import { readFileSync } from 'node:fs';
import type { Dataset } from '../types';

const fixturesDir = new URL('./fixtures/', import.meta.url);

/** A fixture file's text. */
export function readReferenceText(file: string): string {
  return readFileSync(new URL(file, fixturesDir), 'utf8');
}

/** `umap_learn_reference.json`. */
export function referenceJson() {
  return JSON.parse(readReferenceText('umap_learn_reference.json'));
}

/** Every number of a headerless CSV of the fixtures, row by row, as float64 (the values as written). */
export function readReferenceNumbers(file: string): number[] {
  return readReferenceText(file)
    .trim()
    .split('\n')
    .flatMap((line) => line.split(',').map(Number));
}

/** An n×2 CSV of the fixtures (no header) as float32 coordinates. */
export function readReferenceLayout(file: string): Float32Array {
  return Float32Array.from(readReferenceNumbers(file));
}

/** The paper's ring, np.random.seed(3), as written by umap-learn's reference run (8 decimals). */
export function readReferenceRing(): Dataset {
  const points = readReferenceLayout('ring_seed3_input.csv');
  return { name: 'ring seed 3', n: points.length / 2, dim: 2, points };
}
