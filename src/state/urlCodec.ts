import { MAX_THREADS } from '../core/parallelOptimizer';
import { type DatasetKind, defaultConfig, type ExplorerConfig, K_MAX } from '../engine/config';

/**
 * The configuration in the URL hash (docs/design.md, "URL"): versioned, short human-readable keys, every
 * value validated and clamped with a notice, unknown keys ignored with a notice. A CSV run also
 * carries the file's name and SHA-256 so the page can ask for that file again.
 */
export const URL_VERSION = 1;

export interface CsvIdentity {
  name: string;
  sha256: string;
}

export interface DecodedUrl {
  config: ExplorerConfig;
  csv: CsvIdentity | null;
  /** What was clamped, replaced or ignored, in words a person can act on. */
  notices: string[];
}

const MAX_NOTICE_VALUE = 40;
const datasets: readonly DatasetKind[] = ['ring', 'rings', 'square', 'blobs', 'mnist', 'csv'];

type NumberField = 'n' | 'seed' | 'k' | 'm' | 'epochs' | 'learningRate' | 'minDist' | 'threads';

/** Each numeric field: its URL key, range and whether it must be whole. */
const numberFields: Record<NumberField, { key: string; min: number; max: number; integer: boolean }> = {
  n: { key: 'n', min: 20, max: 100_000, integer: true },
  seed: { key: 'seed', min: 0, max: 4_294_967_295, integer: true },
  k: { key: 'k', min: 2, max: K_MAX, integer: true },
  m: { key: 'm', min: 1, max: 30, integer: false },
  epochs: { key: 'epochs', min: 11, max: 20_000, integer: true },
  learningRate: { key: 'lr', min: 0, max: 10, integer: false },
  minDist: { key: 'md', min: 0, max: 1, integer: false },
  threads: { key: 'threads', min: 1, max: MAX_THREADS, integer: true },
};

const choiceFields = {
  dataset: { key: 'ds', values: datasets },
  metric: { key: 'metric', values: ['euclidean', 'cosine'] },
  similarity: { key: 'sim', values: ['umap', 'inverted', 'binary', 'dense'] },
  init: { key: 'init', values: ['data', 'spectral', 'random'] },
  sampling: { key: 'sampling', values: ['umap', 'corrected'] },
} as const satisfies Record<string, { key: string; values: readonly string[] }>;

const knownKeys = new Set([
  'v',
  'push',
  'csv',
  'sha',
  ...Object.values(numberFields).map((field) => field.key),
  ...Object.values(choiceFields).map((field) => field.key),
]);

/** A value as it may be quoted in a notice: short, and shown as text by React, never as HTML. */
function quoted(value: string): string {
  return JSON.stringify(value.length > MAX_NOTICE_VALUE ? `${value.slice(0, MAX_NOTICE_VALUE)}…` : value);
}

export function encodeConfig(config: ExplorerConfig, csv: CsvIdentity | null = null): string {
  const params = new URLSearchParams();
  params.set('v', String(URL_VERSION));
  params.set('ds', config.dataset);
  params.set('n', String(config.n));
  params.set('seed', String(config.seed));
  params.set('k', String(config.k));
  params.set('m', String(config.m));
  params.set('sim', config.similarity);
  params.set('init', config.init);
  params.set('epochs', String(config.epochs));
  params.set('lr', String(config.learningRate));
  params.set('md', String(config.minDist));
  params.set('push', config.pushNegatives ? '1' : '0');
  params.set('sampling', config.sampling);
  params.set('metric', config.metric);
  // Only when parallel: older links (and the default) stay as they were.
  if (config.threads !== 1) params.set('threads', String(config.threads));
  if (csv) {
    params.set('csv', csv.name);
    params.set('sha', csv.sha256);
  }
  return `#${params.toString()}`;
}

export function decodeConfig(hash: string): DecodedUrl {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const notices: string[] = [];
  const config: ExplorerConfig = { ...defaultConfig };

  const version = params.get('v');
  if (version !== null && version !== String(URL_VERSION)) {
    notices.push(`This link has format version ${quoted(version)}; reading it as version ${URL_VERSION}.`);
  }
  for (const key of params.keys()) {
    if (!knownKeys.has(key)) notices.push(`Ignored the unknown setting ${quoted(key)}.`);
  }

  for (const [field, { key, min, max, integer }] of Object.entries(numberFields) as [
    NumberField,
    (typeof numberFields)[NumberField],
  ][]) {
    const raw = params.get(key);
    if (raw === null) continue;
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value)) {
      notices.push(`${key} = ${quoted(raw)} is not a number; using ${config[field]}.`);
      continue;
    }
    let clamped = Math.min(max, Math.max(min, integer ? Math.round(value) : value));
    if (field === 'minDist') clamped = Math.min(clamped, 1);
    if (clamped !== value)
      notices.push(`${key} = ${quoted(raw)} is outside ${min}–${max}; using ${clamped}.`);
    config[field] = clamped;
  }

  for (const [field, { key, values }] of Object.entries(choiceFields) as [
    keyof typeof choiceFields,
    (typeof choiceFields)[keyof typeof choiceFields],
  ][]) {
    const raw = params.get(key);
    if (raw === null) continue;
    if ((values as readonly string[]).includes(raw)) {
      (config as unknown as Record<string, string>)[field] = raw;
    } else {
      notices.push(`${key} = ${quoted(raw)} is not one of ${values.join(', ')}; using ${config[field]}.`);
    }
  }

  const push = params.get('push');
  if (push !== null) {
    if (push === '0' || push === '1') config.pushNegatives = push === '1';
    else notices.push(`push = ${quoted(push)} must be 0 or 1; using ${config.pushNegatives ? 1 : 0}.`);
  }

  let csv: CsvIdentity | null = null;
  const name = params.get('csv');
  const sha256 = params.get('sha');
  if (config.dataset === 'csv') {
    if (name && sha256 && /^[0-9a-f]{64}$/.test(sha256)) {
      csv = { name: name.slice(0, 200), sha256 };
    } else {
      notices.push(
        'This link is for a CSV run but does not name the file and its SHA-256; showing the paper ring.',
      );
      config.dataset = defaultConfig.dataset;
    }
  }
  if (config.k >= config.n && config.dataset !== 'csv') {
    notices.push(
      `k = ${config.k} needs more than ${config.k} points; using k = ${Math.min(15, config.n - 1)}.`,
    );
    config.k = Math.min(15, config.n - 1);
  }
  return { config, csv, notices };
}
