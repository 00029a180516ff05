import type { ContinueResult } from '../../engine/auditSession';
import type { UmapAudit } from '../../engine/import';
import { formatLoss, formatPercent, formatThreeDigits } from '../format';
import { lossLabels } from './AuditLossTable';
import { ColumnHeads } from './ColumnHeads';
import { continuationName } from './continuationName';

/** The rows: both losses, then how ν sits between ν* and μ (§5, §7.3), then what the layout keeps. */
const rows: {
  key: string;
  label: string;
  value: (audit: UmapAudit) => number;
  format: (value: number) => string;
}[] = [
  {
    key: 'purported',
    label: lossLabels.purported,
    value: (audit) => audit.losses.theirs.purported.total,
    format: formatLoss,
  },
  {
    key: 'effective',
    label: lossLabels.effective,
    value: (audit) => audit.losses.theirs.effective.total,
    format: formatLoss,
  },
  {
    key: 'nearer-target',
    label: 'pairs with ν nearer ν* than μ',
    value: (audit) => audit.pairs.nearerTarget,
    format: formatPercent,
  },
  {
    key: 'nu-minus-target',
    label: 'mean |ν − ν*|',
    value: (audit) => audit.pairs.meanAbsNuMinusTarget,
    format: formatThreeDigits,
  },
  {
    key: 'nu-minus-mu',
    label: 'mean |ν − μ|',
    value: (audit) => audit.pairs.meanAbsNuMinusMu,
    format: formatThreeDigits,
  },
  {
    key: 'graph-recall',
    label: 'graph-neighbour recall (15-NN)',
    value: (audit) => audit.graphRecall,
    format: formatThreeDigits,
  },
];

/**
 * Their layout beside the continued one in the audit's numbers. The paper's §7.3 shows here: UMAP's
 * sampling keeps ν at ν* and eq. 12 low; the corrected sampling descends eq. 6, so ν moves to μ.
 */
export function ContinueTable({ theirs, continued }: { theirs: UmapAudit; continued: ContinueResult }) {
  const columns = [
    { key: 'theirs', label: 'theirs', audit: theirs },
    { key: 'continued', label: `after ${continuationName(continued.request)}`, audit: continued.audit },
  ];
  return (
    <table className="audit-losses" aria-label="Their layout against the continued one">
      <caption>
        On your graph μ with your min_dist and m = {theirs.m}; losses are totals
        {theirs.approximate ? ' (far-field approximation)' : ''}.
      </caption>
      <ColumnHeads first="measure" columns={columns} />
      <tbody>
        {rows.map(({ key, label, value, format }) => (
          <tr key={key}>
            <th scope="row">{label}</th>
            {columns.map((column) => {
              const number = value(column.audit);
              return (
                <td key={column.key} data-testid={`continue-${key}-${column.key}`} data-value={number}>
                  {format(number)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
