import { format } from 'd3';
import type { RunInfo } from '../engine/frame';
import { formatInteger } from './format';
import { StatList } from './StatList';

const twoDecimals = format('.2f');

/** The input graph μ: its size and mean degree (umap-learn's ring: 5.83). */
export function GraphStats({ runInfo, k }: { runInfo: RunInfo; k: number }) {
  return (
    <StatList
      rows={[
        ['points n', formatInteger(runInfo.n), 'n'],
        ['neighbours k', formatInteger(k), 'k'],
        ['edges (undirected)', formatInteger(runInfo.edgeCount), 'edges'],
        ['mean degree d̄ = Σ_ij μ_ij / n', twoDecimals(runInfo.meanDegree), 'mean-degree'],
      ]}
    />
  );
}
