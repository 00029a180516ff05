export type { EmbeddingCsvOptions } from './csvTables';
export { embeddingCsv, formatFloat32, histogramsCsv, lossHistoryCsv } from './csvTables';
export { exportFileName, fileSlug } from './exportFileName';
export type { SnippetCsv } from './umapLearnSnippet';
export { pythonFloat, pythonString, umapLearnSnippet } from './umapLearnSnippet';
