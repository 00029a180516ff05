import { defaultConfig, type ExplorerConfig } from '../../engine/config';

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
 * The settings in which `config` differs from the default run, as short file-name parts in a fixed
 * order, e.g. `inverted`, `k30`, `cosine`, `spectral`, `e750`, `m10`, `lr0.5`, `md0.001`, `push`,
 * `corrected`, `t2`, `neg`, `s0.5`, `tsne-rho4`; none for the defaults, so the usual names stay short.
 */
export function settingsParts(config: ExplorerConfig): string[] {
  const parts: string[] = [];
  const differs = <K extends keyof ExplorerConfig>(key: K) => config[key] !== defaultConfig[key];
  if (differs('similarity')) parts.push(config.similarity);
  if (differs('k')) parts.push(`k${config.k}`);
  if (differs('metric')) parts.push(config.metric);
  if (differs('init')) parts.push(config.init);
  if (differs('epochs')) parts.push(`e${config.epochs}`);
  if (differs('m')) parts.push(`m${config.m}`);
  if (differs('learningRate')) parts.push(`lr${config.learningRate}`);
  if (differs('minDist')) parts.push(`md${config.minDist}`);
  if (config.pushNegatives) parts.push('push');
  if (differs('sampling')) parts.push(config.sampling);
  if (differs('threads')) parts.push(`t${config.threads}`);
  if (differs('loss')) parts.push(config.loss === 'tsne' ? `tsne-rho${config.exaggeration}` : config.loss);
  if (config.loss === 'neg' || config.loss === 'infonce') {
    if (config.loss === 'neg' && differs('normalization')) parts.push('zbar-per-m');
    else parts.push(`s${config.spectrum}`);
  }
  return parts;
}

/**
 * `umap-<dataset>-n<n>-seed<seed>[-<settings>]-<what>.<extension>`, e.g.
 * `umap-ring-n1000-seed3-embedding.csv` or `umap-ring-n1000-seed3-inverted-e750-embedding.csv`:
 * every setting that differs from the default run is named (settingsParts), so two different runs
 * never share a name. A CSV run is named after its file (`datasetName`); `n` is the number of
 * points actually embedded.
 */
export function exportFileName(
  config: ExplorerConfig,
  what: string,
  extension: string,
  { datasetName, n = config.n }: { datasetName?: string; n?: number } = {},
): string {
  const dataset = config.dataset === 'csv' && datasetName ? fileSlug(datasetName) : config.dataset;
  return (
    ['umap', dataset, `n${n}`, `seed${config.seed}`, ...settingsParts(config), what].join('-') +
    `.${extension}`
  );
}
