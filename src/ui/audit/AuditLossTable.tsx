import type { UmapAudit } from '../../engine/import';
import { formatLoss } from '../format';
import { ColumnHeads } from './ColumnHeads';

type Layout = keyof UmapAudit['losses'];
type Loss = 'purported' | 'effective';

const layouts: { key: Layout; label: string }[] = [
  { key: 'theirs', label: 'your layout' },
  { key: 'diverged', label: 'diverged' },
  { key: 'random', label: 'random' },
];

/** The two losses as the audit's tables name them. */
export const lossLabels: Record<Loss, string> = {
  purported: 'purported ℒ (eq. 6)',
  effective: 'effective ℒ̃ (eq. 12)',
};

/** The layout with the lowest value of `loss`. */
function lowest(losses: UmapAudit['losses'], loss: Loss): Layout {
  return layouts.reduce<Layout>(
    (best, { key }) => (losses[key][loss].total < losses[best][loss].total ? key : best),
    'theirs',
  );
}

/**
 * Table 1 for their UMAP: the purported and the effective loss of their layout beside a diverged
 * and a random one, lowest per row in bold. The paper's point shows when the diverged layout wins
 * the purported loss and their layout the effective one: UMAP's optimizer minimises eq. 12.
 */
export function AuditLossTable({ audit }: { audit: UmapAudit }) {
  return (
    <table className="audit-losses" aria-label="Losses of your layout">
      <caption>
        Total losses on your graph μ, with min_dist’s a, b and m = {audit.m}
        {audit.approximate ? ' (far-field approximation)' : ''}; <strong>lowest per row in bold</strong>.
        Diverged: ν = 𝟙(i = j), every pair infinitely far apart; random: uniform in your layout’s bounding
        box.
      </caption>
      <ColumnHeads first="loss" columns={layouts} />
      <tbody>
        {(['purported', 'effective'] as const).map((loss) => {
          const winner = lowest(audit.losses, loss);
          return (
            <tr key={loss}>
              <th scope="row">{lossLabels[loss]}</th>
              {layouts.map(({ key }) => {
                const total = audit.losses[key][loss].total;
                return (
                  <td
                    key={key}
                    data-testid={`audit-loss-${loss}-${key}`}
                    data-value={total}
                    data-winner={key === winner || undefined}
                  >
                    {key === winner ? <strong>{formatLoss(total)}</strong> : formatLoss(total)}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
