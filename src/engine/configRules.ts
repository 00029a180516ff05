import { defaultConfig, type ExplorerConfig } from './config';
import { formatCount, formatNumber } from './messages';
import {
  clampParameter,
  datasetDimensions,
  MNIST_DIGITS,
  type NumberParameterName,
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

/** The k a too-small dataset falls back to: umap-learn's default 15, or n − 1 below 16 points. */
const DEFAULT_K = 15;

/**
 * The one validation path for a configuration, however it arrives (controls, link, preset,
 * history): every rule the dataset menu and the engine would enforce, applied before a run starts,
 * so a run never fails on them and a page never waits for a run that cannot start. Returns the
 * nearest valid configuration and a notice per change.
 */
export function checkConfig(requested: ExplorerConfig, context: ConfigContext = {}): CheckedConfig {
  const config = { ...requested };
  const notices: string[] = [];

  for (const name of Object.keys(numberParameters) as NumberParameterName[]) {
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
      `The 20 rings need n to be a multiple of ${RING_COUNT}; using n = ${n} (${RING_COUNT} × ${n / RING_COUNT}) instead of ${config.n}.`,
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

  const n = config.dataset === 'csv' ? context.csv?.n : config.n;
  if (n !== undefined && config.k >= n) {
    const k = Math.max(numberParameters.k.min, Math.min(DEFAULT_K, n - 1));
    notices.push(
      `k = ${config.k} needs at least ${formatCount(config.k + 1, 'point')}; this dataset has ${n}. Using k = ${k}.`,
    );
    config.k = k;
  }
  return { config, notices };
}
