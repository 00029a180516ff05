import { defaultConfig, type ExplorerConfig } from '../engine/config';

/**
 * What a preset does after configuring: play the run, play it and compute Table 1 when it ends,
 * or run several optimizer seeds for Fig. 3's mean ± std curves.
 */
export type PresetAction =
  | { kind: 'play' }
  | { kind: 'table' }
  | { kind: 'seeds'; seeds: number; every: number };

export interface Preset {
  id: string;
  /** Starts the button's accessible name, e.g. "Fig. 1b". */
  figure: string;
  /** A few words after the figure on the button. */
  title: string;
  /** Applied over `defaultConfig`, so a preset always yields the same run. */
  config: Partial<ExplorerConfig>;
  action: PresetAction;
  /** What the paper found and what to look for. */
  caption: string;
  /** A button in the caption that flips one setting, e.g. original vs inverted similarities. */
  toggle?: PresetToggle;
}

export interface PresetToggle {
  /** The two states; the button switches to the one not in effect. */
  states: [Partial<ExplorerConfig>, Partial<ExplorerConfig>];
  /** Button labels that switch to states[0] and states[1]. */
  labels: [string, string];
}

const play: PresetAction = { kind: 'play' };

/** The paper's figures and tables as one-click configurations (issue 5, item 7). */
export const presets: readonly Preset[] = [
  {
    id: 'fig1b',
    figure: 'Fig. 1b',
    title: 'ring contracts',
    config: { dataset: 'ring', n: 1000, init: 'data', epochs: 10_000 },
    action: play,
    caption:
      'UMAP is started at the input itself — 1000 points of a uniform ring — and run for 10 000 epochs. ' +
      'The paper found that the ring keeps its circular shape but its width contracts nearly to a line. ' +
      'Watch the ring thickness ratio fall well below 1 while the purported loss (eq. 6) stays about ' +
      '100× above the effective loss (eq. 12) that the optimizer actually lowers.',
  },
  {
    id: 'fig1c',
    figure: 'Fig. 1c',
    title: '20 rings',
    config: { dataset: 'rings', n: 20_000, init: 'data', epochs: 10_000 },
    action: play,
    caption:
      'Twenty copies of the ring, spaced so they do not share neighbours (n = 20 000). Each ring has the ' +
      'same input similarities as in Fig. 1b, yet negative samples now mostly come from other rings, so ' +
      'repulsion within a ring drops further and the contraction is even stronger. The thickness ' +
      'readout measures ring 0, the ring the paper shows.',
  },
  {
    id: 'fig1d',
    figure: 'Fig. 1d',
    title: 'dense φ input',
    config: { dataset: 'ring', n: 1000, init: 'data', similarity: 'dense', epochs: 10_000 },
    action: play,
    caption:
      'The input similarities are φ of the input distances — the same function as in the embedding — ' +
      'so the data-initialised layout is a global optimum of eq. 6 and should not move. The paper found ' +
      'the ring widens and grows spurious curves instead: with a mean degree near 100 the repulsion ' +
      'weight (dᵢ + dⱼ)m / 2n ≈ 0.5 skews the targets ν* towards 0.5 (§6.1).',
  },
  {
    id: 'fig2b',
    figure: 'Fig. 2b',
    title: 'inverted similarities, MNIST',
    config: {
      dataset: 'mnist',
      n: 5000,
      init: 'spectral',
      metric: 'cosine',
      k: 30,
      similarity: 'inverted',
      epochs: 750,
    },
    action: play,
    caption:
      'An analogue of Fig. 2b on MNIST digits (784-D) instead of C. elegans: the positive similarities ' +
      'are inverted (each μ becomes min(μ)/μ, so the strongest edges become the weakest), k = 30, cosine distance, spectral init. The ' +
      'paper found the result qualitatively as good as with the original μ, because negative sampling ' +
      'binarizes the input: only the kNN graph matters. Look for the digit clusters still separating.',
  },
  {
    id: 'fig3',
    figure: 'Fig. 3',
    title: 'loss curves, 7 seeds',
    config: { dataset: 'ring', n: 1000, init: 'data', epochs: 500 },
    action: { kind: 'seeds', seeds: 7, every: 5 },
    caption:
      'The ring is optimised for 500 epochs with 7 optimizer seeds, evaluating the losses every 5 epochs. ' +
      'The paper found the effective loss (eq. 12) closely tracks the actual loss of the sampled pairs ' +
      '(eq. 11), while the purported loss (eq. 6) is two orders of magnitude higher and dominated by ' +
      'its repulsive part. Use the log scale to see all three; shaded bands are ± one standard deviation.',
  },
  {
    id: 'fig4',
    figure: 'Fig. 4',
    title: 'similarity histograms',
    config: { dataset: 'ring', n: 1000, init: 'data', epochs: 500 },
    action: play,
    caption:
      'Histograms of μ, the target similarities ν*ᵢⱼ = μᵢⱼ / (μᵢⱼ + (dᵢ + dⱼ)m / 2n) (eq. 15) and the ' +
      'embedding similarities ν over the kNN edges. The paper found ν reproduces ν*, not μ, and ν* is ' +
      'piled up near 1 (on this ring: about 74 % of ν* above 0.8 against 14 % of μ). Switch to inverted ' +
      'similarities: the μ histogram changes noticeably, ν* hardly at all.',
    toggle: {
      states: [{ similarity: 'umap' }, { similarity: 'inverted' }],
      labels: ['Show original μ', 'Show inverted similarities'],
    },
  },
  {
    id: 'table1',
    figure: 'Table 1',
    title: 'loss of three layouts',
    config: { dataset: 'ring', n: 1000, init: 'data', epochs: 500 },
    action: { kind: 'table' },
    caption:
      'The ring is run for 500 epochs, then the purported loss (eq. 6) and the effective loss (eq. 12) ' +
      'are evaluated for three layouts: a diverged one (ν = 𝟙(i = j)), the UMAP result and the input. ' +
      'The paper found the UMAP result never has the lowest purported loss — the diverged layout does ' +
      '(bold) — so UMAP does not minimise eq. 6. Run Fig. 1d and compute again for the dense φ row.',
  },
  {
    id: 'sec6',
    figure: '§6',
    title: 'small data, n = 500',
    config: { dataset: 'ring', n: 500, init: 'data', epochs: 10_000 },
    action: play,
    caption:
      'Over-contraction is strong already for small datasets: with k = 15, m = 5 and n = 500, every ' +
      'input similarity μᵢⱼ > 0.2 is mapped to a target ν*ᵢⱼ > 0.83 (Appendix H.4). Look at the ν* ' +
      'histogram piling up near 1 and the ring thinning over the 10 000 epochs as in Fig. 1b.',
  },
  {
    id: 'sec73',
    figure: '§7.3',
    title: 'corrected sampling',
    config: { dataset: 'ring', n: 1000, init: 'data', epochs: 10_000, sampling: 'corrected' },
    action: play,
    caption:
      'Negative sampling with the repulsion the purported loss asks for (§7.3) instead of UMAP’s, on the ' +
      'ring with data init for 10 000 epochs. ' +
      'Measured in this app over 5 seeds: the mean |ν − μ| on the kNN edges is 0.10 with corrected ' +
      'sampling against 0.43 with UMAP’s, and the ring no longer contracts — thickness ratio 2.4–3.1 ' +
      'against 0.31–0.39. Switch sampling back to UMAP to compare.',
    toggle: {
      states: [{ sampling: 'umap' }, { sampling: 'corrected' }],
      labels: ['Switch to UMAP sampling', 'Switch to corrected sampling'],
    },
  },
];

/** The full configuration of a preset. */
export function presetConfig(preset: Preset): ExplorerConfig {
  return { ...defaultConfig, ...preset.config };
}
