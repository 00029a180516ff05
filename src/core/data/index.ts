/** Synthetic datasets, numpy-exact where the paper's code defines them (docs/algorithm.md §3.2). */

export * from './datasets';
