/**
 * Reference values for Table 1 in the paper's setting (docs/algorithm.md §3.5): the paper ring
 * (n = 1 000, r = 4, var = 0.5), data init, k = 15, m = 5, min_dist 0.1, 10 000 epochs, seeds 0–6
 * (data seed = UMAP seed), mean ± population std of the total losses. Shown beside our own numbers
 * only for a table of exactly that setting (`isPaperTable1Setting`).
 */
import type { LossTableColumn, LossTableRow } from '../core/losses';
import { defaultConfig, type ExplorerConfig } from './config';

export interface ReferenceValue {
  mean: number;
  /** Population std over the 7 seeds, where the source gives one. */
  std?: number;
  /** Printed by the paper's notebook (stability.ipynb), not in the paper's Table 1 itself. */
  notebook?: true;
}

/** Where a cell's numbers come from: the paper, or umap-learn itself run with the paper's recipe. */
export interface Table1ReferenceCell {
  paper?: ReferenceValue;
  umapLearn?: ReferenceValue;
}

export type Table1Reference = Record<
  LossTableRow['similarities'],
  Record<LossTableColumn, { purported: Table1ReferenceCell; effective: Table1ReferenceCell }>
>;

export const PAPER_TABLE1_SEEDS = 7;
export const PAPER_TABLE1_EPOCHS = 10_000;

/** Paper, Table 1, row μ: the total purported losses, mean ± population std (the claim card quotes them too). */
export const PAPER_TABLE1_MU = {
  diverged: { mean: 62_959, std: 82 },
  result: { mean: 70_235, std: 1_301 },
  input: { mean: 136_329, std: 721 },
} as const;

export const table1Reference: Table1Reference = {
  mu: {
    diverged: {
      // Paper, Table 1 (row μ, ν = 𝟙); recomputed exactly from stability.ipynb: 62 959.035 ± 81.88
      // (docs/algorithm.md §3.5). It depends on the graph only, so umap-learn's is the same number.
      purported: { paper: PAPER_TABLE1_MU.diverged },
      // stability.ipynb's printed effective loss at ν = 𝟙 (docs/algorithm.md §3.5), mean only.
      effective: { paper: { mean: 54_017.44, notebook: true } },
    },
    result: {
      // Paper, Table 1 (row μ, UMAP result); umap-learn 0.5 run with the §3.5 recipe gives
      // 69 948 ± 1 039 (issue 13, item 3), the reference for our own runs' column.
      purported: { paper: PAPER_TABLE1_MU.result, umapLearn: { mean: 69_948, std: 1_039 } },
      // stability.ipynb's effective loss of the UMAP result, ν = φ(e): 3 388.19 ± 23.4 (docs/algorithm.md §3.5).
      effective: { paper: { mean: 3_388.19, std: 23.4, notebook: true } },
    },
    input: {
      // Paper, Table 1 (row μ, input layout); recomputed exactly: 136 329.36 ± 720.90 (docs/algorithm.md §3.5).
      purported: { paper: PAPER_TABLE1_MU.input },
      // stability.ipynb's effective loss at ν = φ(x), mean only (docs/algorithm.md §3.5).
      effective: { paper: { mean: 4_972.79, notebook: true } },
    },
  },
  dense: {
    diverged: {
      // Paper, Table 1 (row dense φ, ν = 𝟙); numpy on the same recipe gives 902 949 ± 2 777, a
      // 0.02 % gap of unknown cause (docs/algorithm.md §3.5).
      purported: { paper: { mean: 902_757, std: 2_788 } },
      effective: {},
    },
    result: {
      // Paper, Table 1 (row dense φ, UMAP result); not reproduced by umap-learn, which gives
      // 264 000 ± 600 with the same recipe (issue 13, item 3).
      purported: { paper: { mean: 331_666, std: 1_308 }, umapLearn: { mean: 264_000, std: 600 } },
      effective: {},
    },
    input: {
      // Paper, Table 1 (row dense φ, input layout). Its notebook scored all 7 dense graphs against the
      // seed-6 ring (227 133 ± 6 280 recomputed); with each seed's own ring, as here: 212 010 ± 316
      // (docs/algorithm.md §3.5).
      purported: { paper: { mean: 224_584, std: 8_104 } },
      effective: {},
    },
  },
};

/** Why the dense row's numbers differ from the paper's (docs/algorithm.md §3.5), for the panel. */
export const denseRowNote =
  'The paper’s dense-φ UMAP result, 331 666 ± 1 308, is not reproduced by umap-learn either: run with ' +
  'the same recipe it gives 264 000 ± 600. The paper’s input-layout value, 224 584 ± 8 104, comes from ' +
  'a notebook cell that scored all seven dense graphs against the seed-6 ring (hence its large std); ' +
  'with each seed’s own ring, as here, numpy gives 212 010 ± 316.';

/** The settings the references hold for: Fig. 1b's ring (our default configuration), 10 000 epochs, 7 seeds. */
export function isPaperTable1Setting(config: ExplorerConfig, seeds: number, epochs: number): boolean {
  const paper: Partial<ExplorerConfig> = { ...defaultConfig, epochs: PAPER_TABLE1_EPOCHS };
  const keys: (keyof ExplorerConfig)[] = [
    'dataset',
    'n',
    'k',
    'metric',
    'init',
    'm',
    'learningRate',
    'minDist',
    'pushNegatives',
    'sampling',
  ];
  return (
    seeds === PAPER_TABLE1_SEEDS &&
    epochs === PAPER_TABLE1_EPOCHS &&
    keys.every((key) => config[key] === paper[key])
  );
}
