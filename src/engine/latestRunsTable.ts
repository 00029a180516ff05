/**
 * Table 1 from the app's own runs (not over seeds, see table1.ts): the μ row from the latest run with
 * UMAP's similarities on the current dataset, the dense-φ row from the latest run with dense ones.
 */
import { UserError } from '../core/errors';
import { type LossTableRow, lossTable } from '../core/losses';
import type { Graph } from '../core/types';
import { stageKeys } from './config';
import type { Run } from './run';

export function createLatestRunsTable() {
  /** The latest graph and embedding per dataset and similarity. */
  const results = new Map<string, { graph: Graph; embedding: Float32Array }>();

  /** Records `run` (its embedding now), then the table of its dataset; `csvId` names a loaded CSV. */
  return function latestRunsTable(run: Run, csvId?: string): LossTableRow[] {
    const { config, artifacts, optimizer } = run;
    const datasetKey = stageKeys(config, csvId).dataset;
    if (config.similarity === 'umap' || config.similarity === 'dense') {
      results.set(`${datasetKey}|${config.similarity}`, {
        graph: artifacts.graph,
        embedding: optimizer.embedding.slice(),
      });
    }
    const mu = results.get(`${datasetKey}|umap`);
    if (!mu) throw new UserError('Table 1 needs a run with UMAP similarities μ on this dataset first.');
    if (artifacts.dataset.dim !== 2)
      throw new UserError('Table 1 needs 2-D data for its input-layout column.');
    const dense = results.get(`${datasetKey}|dense`);
    return lossTable({
      graph: mu.graph,
      umapResult: mu.embedding,
      input: artifacts.dataset.points,
      denseGraph: dense?.graph,
      denseResult: dense?.embedding,
      a: artifacts.a,
      b: artifacts.b,
      m: config.m,
    });
  };
}
