/**
 * t-SNE with exaggeration ρ as an `Optimizer` (Böhm, Berens & Kobak, JMLR 2022): the exaggerated
 * KL gradient with exact or Barnes–Hut repulsion, and openTSNE-style gradient descent.
 */

export { type TsneAffinities, tsneAffinities } from './affinities';
export { barnesHutRepulsion } from './barnesHutGradient';
export { exactRepulsion, exactTsneGradient } from './exactGradient';
export { TSNE_INITIAL_STD } from './rescaleLayout';
export { TSNE_DEFAULT_THETA, TSNE_EXACT_MAX_POINTS, tsneGradient } from './tsneGradient';
export { createTsneOptimizer } from './tsneOptimizer';
export type { TsneGradient, TsneOptimizerOptions, TsneRepulsion } from './types';
