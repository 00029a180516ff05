/** Embedding quality measures: ring thickness and arcs, kNN recall, correlations. */

export * from './classAccuracy';
export * from './metrics';
export * from './neighborRecall';
export * from './procrustes';
export * from './sweepMetrics';
