import { defaultConfig, type ExplorerConfig } from '../engine/config';
import { checkConfig } from '../engine/configRules';
import {
  formatParameter,
  type ParameterName,
  parameterNames,
  parameters,
  parseParameter,
} from '../engine/parameters';
import { decodeSweep, encodeSweep, SWEEP_LINK_KEY, type SweepSpec } from '../engine/sweep';

/**
 * The configuration in the URL hash (docs/design.md, "URL"): versioned, each parameter under its
 * registry key in its kind's text form (engine/parameters), every value validated and clamped with
 * a notice, unknown keys ignored with a notice. A CSV run also carries the file's name and SHA-256
 * so the page can ask for that file again.
 */
export const URL_VERSION = 1;

export interface CsvIdentity {
  name: string;
  sha256: string;
}

export interface DecodedUrl {
  config: ExplorerConfig;
  csv: CsvIdentity | null;
  /** The parameter sweep the link shows (engine/sweep), if it names one. */
  sweep: SweepSpec | null;
  /** What was clamped, replaced or ignored, in words a person can act on. */
  notices: string[];
}

const MAX_NOTICE_VALUE = 40;

const knownKeys = new Set([
  'v',
  'csv',
  'sha',
  SWEEP_LINK_KEY,
  ...parameterNames.map((name) => parameters[name].key),
]);

/** A value as it may be quoted in a notice: short, and shown as text by React, never as HTML. */
function quoted(value: string): string {
  return JSON.stringify(value.length > MAX_NOTICE_VALUE ? `${value.slice(0, MAX_NOTICE_VALUE)}…` : value);
}

export function encodeConfig(
  config: ExplorerConfig,
  csv: CsvIdentity | null = null,
  sweep: SweepSpec | null = null,
): string {
  const params = new URLSearchParams();
  params.set('v', String(URL_VERSION));
  for (const name of parameterNames) {
    const { key, linkOmitsDefault } = parameters[name];
    if (linkOmitsDefault && config[name] === defaultConfig[name]) continue;
    params.set(key, formatParameter(name, config[name]));
  }
  if (csv) {
    params.set('csv', csv.name);
    params.set('sha', csv.sha256);
  }
  if (sweep) params.set(SWEEP_LINK_KEY, encodeSweep(sweep));
  return `#${params.toString()}`;
}

/** Sets parameter `name` of `config` from the link's text, or says why the text is not a value. */
function readParameter<K extends ParameterName>(
  config: ExplorerConfig,
  name: K,
  params: URLSearchParams,
  notices: string[],
) {
  const { key, invalid } = parameters[name];
  const text = params.get(key);
  if (text === null) return;
  const value = parseParameter(name, text);
  if (value === undefined) {
    notices.push(`${key} = ${quoted(text)} ${invalid}; using ${formatParameter(name, config[name])}.`);
  } else {
    config[name] = value;
  }
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

  for (const name of parameterNames) readParameter(config, name, params, notices);

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
  let sweep: SweepSpec | null = null;
  const sweepText = params.get(SWEEP_LINK_KEY);
  if (sweepText !== null) {
    const decoded = decodeSweep(sweepText);
    if ('error' in decoded) notices.push(`${decoded.error} Showing the single run.`);
    else sweep = decoded;
  }
  const checked = checkConfig(config);
  return { config: checked.config, csv, sweep, notices: [...notices, ...checked.notices] };
}
