/** UMAP's SGD with negative sampling (docs/algorithm.md §1.7, §1.10, §4): one entry, three backends. */

export * from './optimizer';
export * from './parallelOptimizer';
