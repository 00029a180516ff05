/** The input similarities μ: umap-learn's fuzzy simplicial set (eq. 1–3) and the paper's alternatives, as CSR graphs. */

export * from './csr';
export * from './fuzzy';
export * from './similarities';
export * from './similarityGraph';
