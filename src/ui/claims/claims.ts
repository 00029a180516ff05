/**
 * The paper's claims, one preset at a time, against the numbers of the run on screen (issue 13,
 * item 2). Every function here is pure: from the run's data to { claim, measured, verdict, why }.
 * The claim quotes the paper (figure, table or section, with its numbers); everything in `measured`
 * and `why` is computed from the run, so a caption never states a number the screen contradicts.
 */
import { prose } from './claimFormat';
import { lossRatioClaim, trackingClaim } from './lossClaims';
import type { Claim, RunData } from './runData';
import { separationClaim } from './separationClaim';
import { denseWeightClaim, followsClaim, pilesUpClaim, smallDataBoundClaim } from './similarityClaims';
import { sweepTrendClaim } from './sweepClaims';
import { table1Claims } from './table1Claims';
import { thicknessClaim } from './thicknessClaim';

/** PresetPanel reads these from here to remember a finished run. */

const contractsClaim =
  `Fig. 1b: started at the input ring and run for ${prose(10_000)} epochs, UMAP keeps the circle but ` +
  'contracts its width nearly to a line.';

/** The claims a preset's card shows, computed from the run on screen. */
export function presetClaims(presetId: string, data: RunData): Claim[] {
  switch (presetId) {
    case 'fig1b':
      return [thicknessClaim(data, { kind: 'contracts', claim: contractsClaim }), lossRatioClaim(data)];
    case 'fig1c': {
      const single = data.earlier.fig1b;
      return [
        thicknessClaim(
          data,
          {
            kind: 'contracts',
            claim:
              'Fig. 1c: twenty such rings far apart — negative samples now mostly come from other rings, so the ' +
              'repulsion within a ring drops and each ring contracts even more than the single ring of Fig. 1b.',
          },
          single ? { ...single, label: 'Fig. 1b' } : undefined,
        ),
        lossRatioClaim(data),
      ];
    }
    case 'fig1d':
      return [
        thicknessClaim(data, {
          kind: 'widens',
          claim:
            'Fig. 1d: with dense similarities μ = φ(‖xᵢ − xⱼ‖) the input layout is a global optimum of eq. 6, yet ' +
            'UMAP moves away from it: the ring widens and grows spurious curves.',
        }),
        denseWeightClaim(data),
      ];
    case 'fig2b':
      return [
        separationClaim(data),
        pilesUpClaim(
          data,
          '§5: negative sampling binarises the input — the targets ν* pile up near 1 whatever μ is, even for the ' +
            'inverted similarities.',
        ),
      ];
    case 'fig3':
      return [trackingClaim(data.multiSeed), lossRatioClaim(data)];
    case 'fig4':
      return [
        followsClaim(
          data,
          'nuStar',
          'Fig. 4 (C. elegans): the embedding similarities ν reproduce the targets ν* of eq. 15, not the input ' +
            'similarities μ.',
        ),
        pilesUpClaim(data, 'Fig. 4: the targets ν* pile up near 1 while μ spreads over (0, 1].'),
      ];
    case 'table1':
      return table1Claims(data);
    case 'sec6':
      return [
        smallDataBoundClaim(data),
        thicknessClaim(data, {
          kind: 'contracts',
          claim:
            '§6 / App. H: over-contraction is strong already for small datasets — the n = 500 ring thins as in Fig. 1b.',
        }),
      ];
    case 'sec73': {
      const single = data.earlier.fig1b;
      const compare = single ? { ...single, label: 'Fig. 1b (UMAP sampling)' } : undefined;
      if (data.config.sampling === 'umap')
        return [
          thicknessClaim(data, {
            kind: 'contracts',
            claim: '§7.3, for comparison — UMAP’s own sampling: the ring contracts as in Fig. 1b.',
          }),
          followsClaim(
            data,
            'nuStar',
            'Fig. 4: under UMAP’s sampling ν follows the targets ν* (eq. 15), not μ.',
          ),
        ];
      return [
        thicknessClaim(
          data,
          {
            kind: 'keeps',
            claim:
              '§7.3: sampling the repulsion the purported loss asks for makes the optimizer minimise eq. 6 itself, ' +
              'whose targets are μ: the ring no longer contracts.',
          },
          compare,
        ),
        followsClaim(
          data,
          'mu',
          '§7.3: with the corrected sampling the targets are μ, so ν follows μ rather than ν*.',
        ),
      ];
    }
    case 'iclr-spectrum':
      return [
        sweepTrendClaim(data.sweep, {
          id: 'spectrum-recall',
          claim:
            'ICLR 2023: along the NEG spectrum from t-SNE-like (s = 0) to UMAP-like (s = 1) the kNN recall falls — local ' +
            'structure is traded for more compact clusters.',
          metric: 'knnRecall10',
          direction: 'falls',
          parameter: 'spectrum',
        }),
        sweepTrendClaim(data.sweep, {
          id: 'spectrum-global',
          claim:
            'ICLR 2023: towards the UMAP end the global structure improves (here: the distance correlation rises).',
          metric: 'distanceCorrelation',
          direction: 'rises',
          parameter: 'spectrum',
        }),
      ];
    case 'iclr-m':
      return [
        sweepTrendClaim(data.sweep, {
          id: 'negtsne-m-recall',
          claim:
            'ICLR 2023: with Z̄ = n²/m, more negative samples move Neg-t-SNE towards t-SNE, so the kNN recall rises with m.',
          metric: 'knnRecall10',
          direction: 'rises',
          parameter: 'm',
        }),
      ];
    case 'jmlr-rho':
      return [
        sweepTrendClaim(data.sweep, {
          id: 'rho-recall',
          claim:
            'JMLR 2022: stronger attraction (larger ρ) trades local for global structure — the kNN recall falls with ρ …',
          metric: 'knnRecall10',
          direction: 'falls',
          parameter: 'exaggeration',
        }),
        sweepTrendClaim(data.sweep, {
          id: 'rho-global',
          claim: '… and the global structure (the distance correlation) improves.',
          metric: 'distanceCorrelation',
          direction: 'rises',
          parameter: 'exaggeration',
        }),
      ];
    case 'apph-n':
      if (data.sweep?.base.sampling === 'corrected')
        return [
          sweepTrendClaim(data.sweep, {
            id: 'corrected-n',
            claim:
              '§7.3: under the corrected sampling the targets are μ at every n — the repulsion per point no longer ' +
              'shrinks with n — so the share of pairs pulled near ν = 1 stays put as n grows.',
            metric: 'nearOneShare',
            direction: 'stays',
            parameter: 'n',
          }),
        ];
      return [
        sweepTrendClaim(data.sweep, {
          id: 'contraction-n',
          claim:
            '§4, §6 and App. H: over-contraction grows with the dataset size — the repulsion weight (dᵢ + dⱼ)m / 2n ' +
            'falls with n, ν* binarises, and more pairs are pulled to ν near 1 (for a denser single ring as line-like ' +
            'substructures within its width rather than a thinner ring, App. H.3).',
          metric: 'nearOneShare',
          direction: 'rises',
          parameter: 'n',
        }),
      ];
    case 'apph-m':
      return [
        sweepTrendClaim(data.sweep, {
          id: 'contraction-m',
          claim:
            'Eq. 15 and App. H: more negative samples raise the repulsion weight (dᵢ + dⱼ)m / 2n, so ν* binarises less and the ring keeps more of its width.',
          metric: 'ringThickness',
          direction: 'rises',
          parameter: 'm',
        }),
      ];
    default:
      return [];
  }
}
