import { format } from 'd3';
import type { GraphPreview } from '../engine/graphPreview';

const integer = format(',d');
const twoDecimals = format('.2f');

export function GraphStats({ preview }: { preview: GraphPreview }) {
  const rows: [string, string, string][] = [
    ['points n', integer(preview.n), 'n'],
    ['neighbours k', integer(preview.k), 'k'],
    ['edges (undirected)', integer(preview.edgeCount), 'edges'],
    ['mean degree d̄ = Σ_ij μ_ij / n', twoDecimals(preview.meanDegree), 'mean-degree'],
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
