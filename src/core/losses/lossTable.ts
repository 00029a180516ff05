/**
 * Table 1 of the paper: the purported (eq. 6) and effective (eq. 12) losses of three reference
 * layouts, from losses.ts.
 */
import { UserError } from '../errors';
import { degrees } from '../graph/similarities';
import type { Graph } from '../types';
import { type EffectiveLossOptions, evaluateLosses, type Losses } from './losses';
import type { LossLog } from './lossLog';

export type LossTableColumn = 'diverged' | 'result' | 'input';

export const lossTableColumns: readonly LossTableColumn[] = ['diverged', 'result', 'input'];

export interface LossTableRow {
  /** 'mu': UMAP's kNN graph μ; 'dense': μ = φ of the raw input, diagonal kept (Fig. 1d). */
  similarities: 'mu' | 'dense';
  /** ν = identity; ν = φ(optimized embedding); ν = φ(raw input coordinates). */
  cells: Record<LossTableColumn, Losses>;
  /** Column of the lowest total per loss; `lowest.purported` is the paper's bold entry. */
  lowest: { purported: LossTableColumn; effective: LossTableColumn };
}

export interface LossTableInput {
  /** μ row: the kNN graph, pruned at max/nEpochs as in the run. */
  graph: Graph;
  /** Final embedding (n×2) of the run on `graph`. */
  umapResult: Float32Array;
  /** Raw 2-D input coordinates (n×2): the "input layout" column, ν = φ(‖x_i − x_j‖). */
  input: Float32Array;
  /** Dense row: μ = denseKernelGraph(input, a, b); the row is left out without both of these. */
  denseGraph?: Graph;
  /** Final embedding of the run on `denseGraph`. */
  denseResult?: Float32Array;
  a: number;
  b: number;
  m: number;
  eps?: number;
  diagonal?: boolean;
  log?: LossLog;
}

/**
 * Table 1 of the paper (§4; recipe in docs/algorithm.md §3.5): for each input similarity (rows) the
 * purported and effective loss of three layouts (columns). The paper reports the purported totals
 * and bolds the lowest one per row; the optimized embeddings come from the caller's runs.
 */
export function lossTable(t: LossTableInput): LossTableRow[] {
  const { graph, input } = t;
  if (input.length !== 2 * graph.n) {
    throw new UserError(
      `The input-layout column needs 2-D data with ${graph.n} points; got ${input.length} coordinates.`,
    );
  }
  const options: EffectiveLossOptions = {
    a: t.a,
    b: t.b,
    m: t.m,
    eps: t.eps,
    diagonal: t.diagonal,
    log: t.log,
  };
  const row = (similarities: 'mu' | 'dense', g: Graph, result: Float32Array): LossTableRow => {
    const withDegrees = { ...options, degrees: degrees(g) };
    const cells: Record<LossTableColumn, Losses> = {
      diverged: evaluateLosses(g, 'diverged', withDegrees),
      result: evaluateLosses(g, result, withDegrees),
      input: evaluateLosses(g, input, withDegrees),
    };
    return {
      similarities,
      cells,
      lowest: { purported: lowestColumn(cells, 'purported'), effective: lowestColumn(cells, 'effective') },
    };
  };
  const rows = [row('mu', graph, t.umapResult)];
  if (t.denseGraph && t.denseResult) rows.push(row('dense', t.denseGraph, t.denseResult));
  return rows;
}

function lowestColumn(cells: Record<LossTableColumn, Losses>, loss: keyof Losses): LossTableColumn {
  let best: LossTableColumn = lossTableColumns[0];
  for (const column of lossTableColumns) {
    if (cells[column][loss].total < cells[best][loss].total) best = column;
  }
  return best;
}
