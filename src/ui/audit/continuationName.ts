import type { ContinueRequest } from '../../engine/auditSession';
import type { ContinueMethod } from '../../engine/import';
import { formatNumber } from '../../engine/messages';
import { formatInteger } from '../format';

/** The form's names of the three ways to continue. */
export const methodLabels: Record<ContinueMethod, string> = {
  umap: 'UMAP’s sampling',
  corrected: 'corrected sampling (§7.3)',
  neg: 'Neg-t-SNE (spectrum s)',
};

/** What a continuation ran, for its progress, plot and column: "200 epochs of corrected sampling (§7.3)". */
export function continuationName({ method, s, epochs }: ContinueRequest): string {
  const how = method === 'neg' ? `Neg-t-SNE (s = ${formatNumber(s)})` : methodLabels[method];
  return `${formatInteger(epochs)} epochs of ${how}`;
}
