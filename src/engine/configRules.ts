import { defaultConfig, type ExplorerConfig } from './config';
import { formatCount, formatNumber } from './messages';
import {
  datasetDimensions,
  MNIST_DIGITS,
  type NumberParameterName,
  numberParameterNames,
  numberParameters,
  RING_COUNT,
} from './parameters';

/** What the rules need to know beyond the configuration: the loaded CSV's shape, if any. */
export interface ConfigContext {
  csv?: { n: number; dim: number } | null;
}

export interface CheckedConfig {
  config: ExplorerConfig;
  /** Each change made, saying what, why, and what is used instead. */
  notices: string[];
}

/** `value` in a parameter's range as a control can show it: rounded if whole, clamped to min–max. */
function clampParameter(name: NumberParameterName, value: number): number {
  const { min, max, type } = numberParameters[name];
  return Math.min(max, Math.max(min, type === 'integer' ? Math.round(value) : value));
}

/** Why k cannot be used on n points: the kNN of each point needs k others. */
export function tooFewPointsForK(k: number, n: number): string {
  return `k = ${k} needs at least ${formatCount(k + 1, 'point')}; this dataset has ${n}.`;
}

/**
 * The one validation path for a configuration, however it arrives (controls, link, preset,
 * history): every rule the dataset menu and the engine would enforce, applied before a run starts,
 * so a run never fails on them and a page never waits for a run that cannot start. Returns the
 * nearest valid configuration and a notice per change.
 */
export function checkConfig(requested: ExplorerConfig, context: ConfigContext = {}): CheckedConfig {
  const config = { ...requested };
  const notices: string[] = [];

  for (const name of numberParameterNames) {
    const { label, min, max } = numberParameters[name];
    const asked = config[name];
    if (!Number.isFinite(asked)) {
      notices.push(`${label} must be a number; using ${defaultConfig[name]}.`);
      config[name] = defaultConfig[name];
      continue;
    }
    const value = clampParameter(name, asked);
    if (value === asked) continue;
    notices.push(
      asked < min || asked > max
        ? `${label} = ${asked} is outside ${formatNumber(min)}–${formatNumber(max)}; using ${value}.`
        : `${label} must be a whole number; using ${value} instead of ${asked}.`,
    );
    config[name] = value;
  }

  if (config.dataset === 'rings' && config.n % RING_COUNT !== 0) {
    const n = Math.max(RING_COUNT, Math.round(config.n / RING_COUNT) * RING_COUNT);
    notices.push(
      `The ${RING_COUNT} rings need n to be a multiple of ${RING_COUNT}; using n = ${n} (${RING_COUNT} × ${n / RING_COUNT}) instead of ${config.n}.`,
    );
    config.n = n;
  }
  if (config.dataset === 'mnist' && config.n > MNIST_DIGITS) {
    notices.push(
      `There are ${formatCount(MNIST_DIGITS, 'MNIST digit')}; using n = ${MNIST_DIGITS} instead of ${config.n}.`,
    );
    config.n = MNIST_DIGITS;
  }

  const dim = config.dataset === 'csv' ? context.csv?.dim : datasetDimensions[config.dataset];
  if (config.init === 'data' && dim !== undefined && dim !== 2) {
    notices.push(
      `Data init places each point at its input coordinates, so it needs 2-D data; this dataset is ${dim}-D. Using spectral init.`,
    );
    config.init = 'spectral';
  }

  if (config.sampling === 'corrected' && config.loss !== 'umap') {
    notices.push(
      "§7.3's corrected sampling corrects UMAP's loss; with another loss the optimizer samples UMAP's way.",
    );
    config.sampling = 'umap';
  }

  const n = config.dataset === 'csv' ? context.csv?.n : config.n;
  if (n !== undefined && config.k >= n) {
    // umap-learn's default, or n − 1 below 16 points.
    const k = Math.max(numberParameters.k.min, Math.min(defaultConfig.k, n - 1));
    notices.push(`${tooFewPointsForK(config.k, n)} Using k = ${k}.`);
    config.k = k;
  }
  return { config, notices };
}
