import { defaultConfig, type ExplorerConfig } from '../engine/config';
import type { SweepSpec } from '../engine/sweep';
import { formatInteger } from './format';

/**
 * What a preset does after configuring: play the run, play it and compute Table 1 when it ends,
 * or run several optimizer seeds for Fig. 3's mean ± std curves.
 */
export type PresetAction =
  | { kind: 'play' }
  | { kind: 'table' }
  | { kind: 'seeds'; seeds: number; every: number }
  | { kind: 'sweep'; sweep: SweepSpec };

/** The plot a preset talks about: its caption and claim card sit beside it. */
export type PresetFocus = 'scatter' | 'losses' | 'histograms' | 'table' | 'sweep';

export interface Preset {
  id: string;
  /** Starts the button's accessible name, e.g. "Fig. 1b". */
  figure: string;
  /** A few words after the figure on the button. */
  title: string;
  /** Applied over `defaultConfig`, so a preset always yields the same run. */
  config: Partial<ExplorerConfig>;
  action: PresetAction;
  /** The plot the caption is about. */
  focus: PresetFocus;
  /**
   * What the paper did and what to look for, from the configuration the preset runs: a caption
   * states no number the run could contradict (the claim card, claims/claims.ts, computes those).
   */
  caption: (config: ExplorerConfig) => string;
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

/** Whole numbers in prose, the paper's way: thin spaces between thousands (10 000). */
const count = (value: number) => formatInteger(value).replace(/,/g, '\u202f');

/** The paper's figures and tables as one-click configurations (issue 5, item 7; issue 13). */
export const presets: readonly Preset[] = [
  {
    id: 'fig1b',
    figure: 'Fig. 1b',
    title: 'ring contracts',
    config: { dataset: 'ring', n: 1000, init: 'data', epochs: 10_000 },
    action: play,
    focus: 'scatter',
    caption: (c) =>
      `UMAP is started at the input itself — ${count(c.n)} points of a uniform ring — and run for ` +
      `${count(c.epochs)} epochs. Watch the ring thickness ratio under the scatter, and compare the purported ` +
      'loss (eq. 6) with the effective loss (eq. 12), the one the optimizer really lowers.',
  },
  {
    id: 'fig1c',
    figure: 'Fig. 1c',
    title: '20 rings',
    config: { dataset: 'rings', n: 20_000, init: 'data', epochs: 10_000 },
    action: play,
    focus: 'scatter',
    caption: (c) =>
      `Twenty copies of the ring (n = ${count(c.n)}), spaced so they share no neighbours, for ${count(c.epochs)} ` +
      'epochs. Each ring has the input similarities of Fig. 1b, but negative samples now mostly land on other ' +
      'rings. The thickness readout measures ring 0, the ring the paper shows; run Fig. 1b first and the card ' +
      'compares the two.',
  },
  {
    id: 'fig1d',
    figure: 'Fig. 1d',
    title: 'dense φ',
    config: { dataset: 'ring', n: 1000, init: 'data', similarity: 'dense', epochs: 10_000 },
    action: play,
    focus: 'scatter',
    caption: (c) =>
      'The input similarities are φ of the input distances — the same function as in the embedding — for every ' +
      `pair, and the run starts at the input for ${count(c.epochs)} epochs. The layout should not move; watch it ` +
      'widen instead, and the ν* histogram sit far from μ.',
  },
  {
    id: 'fig2b',
    figure: 'Fig. 2b',
    title: 'inverted μ, MNIST',
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
    focus: 'scatter',
    caption: (c) =>
      `An analogue of Fig. 2b on ${count(c.n)} MNIST digits (784-D) instead of C. elegans: the positive ` +
      'similarities are inverted (each μ becomes min(μ)/μ, so the strongest edges become the weakest), ' +
      `k = ${c.k}, ${c.metric} distance, ${c.init} init, ${count(c.epochs)} epochs. Look for the digit ` +
      'clusters still separating.',
  },
  {
    id: 'fig3',
    figure: 'Fig. 3',
    title: 'losses, 7 seeds',
    config: { dataset: 'ring', n: 1000, init: 'data', epochs: 500 },
    action: { kind: 'seeds', seeds: 7, every: 5 },
    focus: 'losses',
    caption: (c) =>
      `The ring, ${count(c.epochs)} epochs for each of 7 optimizer seeds, the losses evaluated every 5 epochs; ` +
      'then the main run (seed 0) plays, so the scatter shows where the curves end. Bands: ± one standard ' +
      'deviation.',
  },
  {
    id: 'fig4',
    figure: 'Fig. 4',
    title: 'histograms',
    config: { dataset: 'ring', n: 1000, init: 'data', epochs: 500 },
    action: play,
    focus: 'histograms',
    caption: (c) =>
      `Histograms of μ, the target similarities ν*ᵢⱼ = μᵢⱼ / (μᵢⱼ + (dᵢ + dⱼ)m / 2n) (eq. 15) and the ` +
      `embedding similarities ν over the stored pairs of the ring, after ${count(c.epochs)} epochs. Switch to ` +
      'inverted similarities: the μ histogram changes completely, ν* much less.',
    toggle: {
      states: [{ similarity: 'umap' }, { similarity: 'inverted' }],
      labels: ['Show original μ', 'Show inverted similarities'],
    },
  },
  {
    id: 'table1',
    figure: 'Table 1',
    title: 'three layouts',
    config: { dataset: 'ring', n: 1000, init: 'data', epochs: 500 },
    action: { kind: 'table' },
    focus: 'table',
    caption: (c) =>
      `The ring is run for ${count(c.epochs)} epochs, then the purported loss (eq. 6) and the effective loss ` +
      '(eq. 12) are evaluated for three layouts: a diverged one (ν = 𝟙(i = j)), the UMAP result and the input. ' +
      'Run Fig. 1d and compute again for the dense φ row.',
  },
  {
    id: 'sec6',
    figure: '§6',
    title: 'small data',
    config: { dataset: 'ring', n: 500, init: 'data', epochs: 10_000 },
    action: play,
    focus: 'histograms',
    caption: (c) =>
      `The ring with n = ${count(c.n)}, k = ${c.k}, m = ${c.m}, for ${count(c.epochs)} epochs: fewer points ` +
      'make the repulsion weight (dᵢ + dⱼ)m / 2n larger. The card computes the paper’s bound on ν* both ' +
      'ways; watch the ν* histogram and the ring thinning over the run as in Fig. 1b.',
  },
  {
    id: 'sec73',
    figure: '§7.3',
    title: 'corrected sampling',
    config: { dataset: 'ring', n: 1000, init: 'data', epochs: 10_000, sampling: 'corrected' },
    action: play,
    focus: 'scatter',
    caption: (c) =>
      'Negative sampling with the repulsion the purported loss asks for (§7.3) instead of UMAP’s, on the ring ' +
      `with data init for ${count(c.epochs)} epochs. Under this sampling the targets are μ itself, so the ` +
      'charts label ν* and the effective loss as UMAP’s, not this run’s. Switch sampling back to UMAP to compare.',
    toggle: {
      states: [{ sampling: 'umap' }, { sampling: 'corrected' }],
      labels: ['Switch to UMAP sampling', 'Switch to corrected sampling'],
    },
  },
  {
    id: 'iclr-spectrum',
    figure: 'ICLR 2023',
    title: 'NEG spectrum, MNIST',
    config: { dataset: 'mnist', n: 5000, init: 'spectral', loss: 'neg', spectrum: 0.5 },
    action: { kind: 'sweep', sweep: { parameter: 'spectrum', from: 0, to: 1, count: 5, scale: 'linear' } },
    focus: 'sweep',
    caption: (c) =>
      `Neg-t-SNE on ${count(c.n)} MNIST digits, its normalisation Z̄(s) stepped from t-SNE’s (s = 0, Z̄ = 100n) ` +
      'to UMAP’s (s = 1, Z̄ = n²/5) in five runs that share the data, the kNN graph and the initial layout; the ' +
      'panels are aligned by rotation and reflection. Then drag s on the single run and watch it move live.',
  },
  {
    id: 'iclr-m',
    figure: 'ICLR 2023',
    title: 'Neg-t-SNE, m sweep',
    config: { dataset: 'mnist', n: 3000, init: 'spectral', loss: 'neg', normalization: 'per-m' },
    action: { kind: 'sweep', sweep: { parameter: 'm', from: 5, to: 100, count: 4, scale: 'log' } },
    focus: 'sweep',
    caption: (c) =>
      `Neg-t-SNE with Z̄ = n²/m, the paper’s own parametrisation, on ${count(c.n)} MNIST digits: m negative ` +
      'samples per edge, from 5 to 100. Every negative sample adds repulsion at a fixed c = 1, so m itself moves ' +
      'the embedding along the spectrum.',
  },
  {
    id: 'jmlr-rho',
    figure: 'JMLR 2022',
    title: 't-SNE, exaggeration ρ',
    config: { dataset: 'mnist', n: 3000, init: 'spectral', loss: 'tsne' },
    action: { kind: 'sweep', sweep: { parameter: 'exaggeration', from: 1, to: 30, count: 5, scale: 'log' } },
    focus: 'sweep',
    caption: (c) =>
      `t-SNE on ${count(c.n)} MNIST digits with its attraction multiplied by ρ after the early phase, from ρ = 1 ` +
      '(t-SNE) through ρ ≈ 4 (UMAP-like) to ρ = 30 (Laplacian-eigenmaps-like): the attraction–repulsion spectrum. ' +
      'Repulsion is exact below 5 000 points.',
  },
  {
    id: 'apph-n',
    figure: 'App. H',
    title: 'contraction vs n',
    config: { dataset: 'ring', init: 'data', epochs: 500 },
    action: { kind: 'sweep', sweep: { parameter: 'n', from: 500, to: 16_000, count: 5, scale: 'log' } },
    focus: 'sweep',
    caption: () =>
      'UMAP on the uniform ring, started at the input, with n from 500 to 16 000 points: the repulsion weight ' +
      '(dᵢ + dⱼ)m / 2n of eq. 12 falls with n, so the targets ν* binarise more; watch the share of pairs with ' +
      'ν ≥ 0.8 and the panels’ substructures. Switch to §7.3’s corrected sampling to run the same sweep under it ' +
      '(slower: that sampling runs on the TypeScript reference); the metric chart keeps the first sweep dashed.',
    toggle: {
      states: [{ sampling: 'umap' }, { sampling: 'corrected' }],
      labels: ['Sweep with UMAP sampling', 'Sweep with corrected sampling (§7.3)'],
    },
  },
  {
    id: 'apph-m',
    figure: 'App. H',
    title: 'contraction vs m',
    config: { dataset: 'ring', init: 'data', epochs: 500 },
    action: { kind: 'sweep', sweep: { parameter: 'm', from: 1, to: 30, count: 5, scale: 'log' } },
    focus: 'sweep',
    caption: (c) =>
      `UMAP on the uniform ring of ${count(c.n)} points, started at the input, with m from 1 to 30 negative samples ` +
      'per edge: the repulsion weight (dᵢ + dⱼ)m / 2n grows with m, so ν* binarises less and the ring should ' +
      'keep more of its width.',
  },
];

/** The full configuration of a preset. */
export function presetConfig(preset: Preset): ExplorerConfig {
  return { ...defaultConfig, ...preset.config };
}
