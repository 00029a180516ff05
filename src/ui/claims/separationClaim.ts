import { formatInteger, formatPercent } from '../format';
import { when } from './claimFormat';
import { SEPARATED_AGREEMENT } from './criteria';
import type { Claim, RunData } from './runData';

/** Fig. 2b: with inverted similarities the clusters still separate (here: MNIST's digits). */
export function separationClaim(data: RunData): Claim {
  const claim =
    'Fig. 2b (C. elegans): with inverted input similarities (μ → min μ / μ) UMAP’s embedding is ' +
    'qualitatively as good as with the original μ — only the kNN graph matters. Here: MNIST digits, ' +
    'whose labels say whether the clusters still separate.';
  const labels = data.labels;
  if (!labels)
    return {
      id: 'separation',
      claim,
      measured:
        data.status === 'done' || data.status === 'paused'
          ? 'no labels to score'
          : 'scored when the run ends or pauses',
      verdict: 'pending',
      why: `Scored by the ${formatInteger(10)}-NN label agreement of the embedding.`,
      values: {},
    };
  const measured =
    `${formatInteger(labels.k)}-NN label agreement in the embedding: ${formatPercent(labels.agreement)} ` +
    `(chance: ${formatPercent(labels.chance)}) ${when(data)}`;
  const separated = labels.agreement >= SEPARATED_AGREEMENT;
  return {
    id: 'separation',
    claim,
    measured,
    verdict: separated ? 'reproduced' : data.status === 'done' ? 'differs' : 'pending',
    why: separated
      ? `${formatPercent(labels.agreement)} of each point's nearest neighbours share its digit (criterion: ${formatPercent(SEPARATED_AGREEMENT)}).`
      : `Only ${formatPercent(labels.agreement)} of each point's nearest neighbours share its digit.`,
    values: { agreement: labels.agreement, chance: labels.chance },
  };
}
