import { format } from 'd3';
import type { RunInfo } from '../engine/frame';

const integer = format(',d');
const twoDecimals = format('.2f');

export function GraphStats({ runInfo, k }: { runInfo: RunInfo; k: number }) {
  const rows: [string, string, string][] = [
    ['points n', integer(runInfo.n), 'n'],
    ['neighbours k', integer(k), 'k'],
    ['edges (undirected)', integer(runInfo.edgeCount), 'edges'],
    ['mean degree d̄ = Σ_ij μ_ij / n', twoDecimals(runInfo.meanDegree), 'mean-degree'],
  ];
  return (
    <dl className="graph-stats">
      {rows.map(([label, value, id]) => (
        <div key={id}>
          <dt>{label}</dt>
          <dd data-testid={id}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
