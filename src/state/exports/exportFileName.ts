import type { ExplorerConfig } from '../../engine/config';

/** Longest dataset part of a file name: a CSV's name is the user's and may be long. */
const MAX_SLUG = 40;

/** A file-name-safe lower-case slug: runs of anything but letters and digits become one '-'. */
export function fileSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\.[a-z0-9]{1,5}$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG)
    .replace(/^-+|-+$/g, '');
  return slug || 'data';
}

/**
 * `umap-<dataset>-n<n>-seed<seed>-<what>.<extension>`, e.g. `umap-ring-n1000-seed3-embedding.csv`;
 * a CSV run is named after its file (`datasetName`), `n` is the number of points actually embedded.
 */
export function exportFileName(
  config: ExplorerConfig,
  what: string,
  extension: string,
  { datasetName, n = config.n }: { datasetName?: string; n?: number } = {},
): string {
  const dataset = config.dataset === 'csv' && datasetName ? fileSlug(datasetName) : config.dataset;
  return `umap-${dataset}-n${n}-seed${config.seed}-${what}.${extension}`;
}
