/**
 * Issue 17's bench target: a UMAP of 200 000 points with 3.2 M graph entries, written by our own
 * .npz writer with its layout as a CSV (generated here, not committed), read and checked
 * (readUmapFiles, budget 15 s) and then audited (auditUmap: far-field losses of three layouts,
 * histograms, pair views, graph-neighbour recall), as the worker does for a dropped file.
 */
import { auditUmap, readUmapFiles } from '../engine/import';
import { writeScipyNpz } from '../engine/import/scipyNpzWriter';
import { syntheticUmapGraph, syntheticUmapLayout } from '../engine/import/syntheticUmap';
import { collectGarbage, createRssSampler } from './measure';
import type { TargetResult } from './targets';

const IMPORT_BUDGET_MS = 15_000;
const N = 200_000;
const HALF_WIDTH = 8;

export async function runImportTarget(seed: number): Promise<TargetResult[]> {
  const graph = syntheticUmapGraph(N, HALF_WIDTH);
  const layout = syntheticUmapLayout(N);
  const files = [
    { name: 'graph.npz', bytes: writeScipyNpz(graph) },
    {
      name: 'umap.csv',
      bytes: new TextEncoder().encode(
        `x,y\n${Array.from({ length: N }, (_, i) => `${layout[2 * i]},${layout[2 * i + 1]}`).join('\n')}`,
      ),
    },
  ];
  collectGarbage();
  const memory = createRssSampler();
  const readStart = performance.now();
  const imported = await readUmapFiles(files);
  const readMs = performance.now() - readStart;
  memory.sample();
  const auditStart = performance.now();
  auditUmap(imported.graph, imported.embedding, { minDist: 0.1, m: 5, seed });
  const auditMs = performance.now() - auditStart;
  memory.sample();
  const entries = `${(graph.rowPtr[N] / 1e6).toFixed(1)} M entries`;
  const result = (name: string, ms: number): TargetResult => ({
    name,
    budgetMs: IMPORT_BUDGET_MS,
    ms,
    backend: 'typescript',
    threads: 1,
    peakRssMb: memory.peakMb(),
    met: ms <= IMPORT_BUDGET_MS,
  });
  return [
    result(`import: read .npz + CSV, n = 200 000, ${entries}`, readMs),
    result('import: read and audit (far-field losses of 3 layouts, recall)', readMs + auditMs),
  ];
}
