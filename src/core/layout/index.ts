/** The initial 2-D layout: the input itself, random, or the spectral embedding of the graph (docs/algorithm.md §1.9). */

export * from './init';
