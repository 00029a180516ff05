import type { AuditResult } from '../../engine/auditSession';
import { formatInteger, formatPercent, formatThreeDigits } from '../format';
import { StatList } from '../StatList';

/**
 * Their graph and layout in numbers: the graph's size and degrees, φ's a and b from their min_dist,
 * how ν follows ν* rather than μ pair by pair (§5), and how many graph neighbours the layout keeps
 * near. The raw numbers the tests read are on the list as data attributes.
 */
export function AuditNumbers({ result }: { result: AuditResult }) {
  const { audit, labels } = result;
  const { pairs } = audit;
  return (
    <StatList
      data-testid="audit-numbers"
      data-n={audit.n}
      data-nearer-target={pairs.nearerTarget}
      data-graph-recall={audit.graphRecall}
      rows={[
        ['points n', formatInteger(audit.n), 'audit-n'],
        ['graph edges', formatInteger(audit.edges), 'audit-edges'],
        ['mean degree dᵢ = Σⱼ μᵢⱼ', formatThreeDigits(audit.meanDegree), 'audit-mean-degree'],
        [
          'min – max degree',
          `${formatThreeDigits(audit.minDegree)} – ${formatThreeDigits(audit.maxDegree)}`,
          'audit-degree-range',
        ],
        [
          'φ’s a, b (from min_dist)',
          `${formatThreeDigits(audit.a)}, ${formatThreeDigits(audit.b)}`,
          'audit-ab',
        ],
        ['ν nearer ν* than μ', `${formatPercent(pairs.nearerTarget)} of pairs`, 'audit-nearer-target'],
        ['mean |ν − ν*|', formatThreeDigits(pairs.meanAbsNuMinusTarget), 'audit-nu-minus-target'],
        ['mean |ν − μ|', formatThreeDigits(pairs.meanAbsNuMinusMu), 'audit-nu-minus-mu'],
        ['graph-neighbour recall (15-NN)', formatThreeDigits(audit.graphRecall), 'audit-graph-recall'],
        ['label column', labels?.name ?? 'none', 'audit-label-column'],
      ]}
    />
  );
}
