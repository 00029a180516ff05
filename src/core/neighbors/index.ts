/** k nearest neighbours: exact scan below 4 096 points, NN-descent over random-projection trees above (docs/algorithm.md §1.2). */

export * from './knn';
