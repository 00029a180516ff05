/** A UMAP made elsewhere: its files read, checked and audited (issue 17). */
export * from './audit';
export * from './continueImported';
export * from './graphRecall';
export * from './h5ad';
export * from './importedGraph';
export * from './matrixMarket';
export * from './readUmapFiles';
export * from './scipyNpz';
