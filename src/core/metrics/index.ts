/** Embedding quality measures: ring thickness and arcs, kNN recall, correlations. */

export * from './metrics';
