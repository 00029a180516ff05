import { defaultConfig, type ExplorerConfig } from '../engine/config';
import { checkConfig } from '../engine/configRules';
import {
  type ChoiceParameterName,
  choiceParameters,
  type NumberParameterName,
  numberParameters,
} from '../engine/parameters';

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
/** Plain decimal notation only: `0x200`, `Infinity` or `1_000` in a hand-written link are mistakes to point out. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

const knownKeys = new Set([
  'v',
  'push',
  'csv',
  'sha',
  ...Object.values(numberParameters).map((parameter) => parameter.key),
  ...Object.values(choiceParameters).map((parameter) => parameter.key),
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

/**
 * Reads a link: its syntax here (numbers, choices, duplicated or unknown keys), then the same rules
 * every configuration passes (engine/configRules.ts: ranges, rings' n, data init, k < n), so a
 * decoded configuration is always one that can run. `notices` says what was changed and why.
 */
export function decodeConfig(hash: string): DecodedUrl {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const notices: string[] = [];
  const config: ExplorerConfig = { ...defaultConfig };

  const version = params.get('v');
  if (version !== null && version !== String(URL_VERSION)) {
    notices.push(`This link has format version ${quoted(version)}; reading it as version ${URL_VERSION}.`);
  }
  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (seen.has(key)) continue;
    seen.add(key);
    if (!knownKeys.has(key)) notices.push(`Ignored the unknown setting ${quoted(key)}.`);
    const count = params.getAll(key).length;
    if (count > 1 && knownKeys.has(key)) {
      notices.push(
        `${key} appears ${count} times in this link; using the first, ${quoted(params.get(key) ?? '')}.`,
      );
    }
  }

  for (const [field, { key }] of Object.entries(numberParameters) as [
    NumberParameterName,
    (typeof numberParameters)[NumberParameterName],
  ][]) {
    const raw = params.get(key);
    if (raw === null) continue;
    const value = Number(raw);
    if (!DECIMAL.test(raw.trim()) || !Number.isFinite(value)) {
      notices.push(`${key} = ${quoted(raw)} is not a decimal number; using ${config[field]}.`);
      continue;
    }
    config[field] = value;
  }

  for (const [field, { key, values }] of Object.entries(choiceParameters) as [
    ChoiceParameterName,
    (typeof choiceParameters)[ChoiceParameterName],
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
  const checked = checkConfig(config);
  return { config: checked.config, csv, notices: [...notices, ...checked.notices] };
}
