/**
 * A parameter sweep: one run parameter stepped over a range, every other setting (data, seed) shared
 * (docs/design.md, "Sweeps"). The spec, its values, its checks and its text form in a link.
 */
import type { ExplorerConfig } from '../config';
import { type ConfigContext, checkConfig } from '../configRules';
import { formatNumber } from '../messages';
import { type NumberParameterName, numberParameters } from '../parameters';

/** The parameters a sweep can step: the spectrum, the exaggeration, m, n and k. */
export const sweepParameters = ['spectrum', 'exaggeration', 'm', 'n', 'k'] as const;
export type SweepParameter = (typeof sweepParameters)[number] & NumberParameterName;

export const SWEEP_MIN_PANELS = 2;
export const SWEEP_MAX_PANELS = 9;

export interface SweepSpec {
  parameter: SweepParameter;
  from: number;
  to: number;
  /** Panels, SWEEP_MIN_PANELS to SWEEP_MAX_PANELS. */
  count: number;
  /** Steps equal in the value or in its logarithm (m from 5 to 500, ρ from 1 to 30). */
  scale: 'linear' | 'log';
}

/**
 * The swept values: `count` steps from `from` to `to`, equal in the value or its log, rounded for
 * integer parameters (repeats after rounding dropped) and to 4 significant digits otherwise, so a
 * link writes them exactly.
 */
export function sweepValues(spec: SweepSpec): number[] {
  const { from, to, count, scale } = spec;
  const integer = numberParameters[spec.parameter].type === 'integer';
  const values: number[] = [];
  for (let p = 0; p < count; p++) {
    const t = count === 1 ? 0 : p / (count - 1);
    const raw = scale === 'log' ? from * (to / from) ** t : from + (to - from) * t;
    const value = integer ? Math.round(raw) : Number(raw.toPrecision(4));
    if (!values.includes(value)) values.push(value);
  }
  return values;
}

export interface CheckedSweep {
  spec: SweepSpec;
  /** One configuration per panel, each passed through the configuration rules. */
  configs: ExplorerConfig[];
  notices: string[];
}

/**
 * The spec made valid (count in range, the range inside the parameter's, a log scale over positive
 * values) and its configurations from `base`; a notice per change or per rule a panel's
 * configuration needed (e.g. k ≥ n).
 */
export function checkSweep(
  requested: SweepSpec,
  base: ExplorerConfig,
  context: ConfigContext = {},
): CheckedSweep {
  const notices: string[] = [];
  const parameter = numberParameters[requested.parameter];
  const spec = { ...requested };
  const count = Math.round(spec.count);
  spec.count = Math.min(SWEEP_MAX_PANELS, Math.max(SWEEP_MIN_PANELS, Number.isFinite(count) ? count : 5));
  if (spec.count !== requested.count) {
    notices.push(`A sweep has ${SWEEP_MIN_PANELS}–${SWEEP_MAX_PANELS} panels; using ${spec.count}.`);
  }
  for (const end of ['from', 'to'] as const) {
    const asked = spec[end];
    const value = Number.isFinite(asked)
      ? Math.min(parameter.max, Math.max(parameter.min, asked))
      : parameter.min;
    if (value !== asked) {
      notices.push(
        `${parameter.label} ${end} ${asked} is outside ${formatNumber(parameter.min)}–${formatNumber(parameter.max)}; using ${value}.`,
      );
      spec[end] = value;
    }
  }
  if (spec.scale === 'log' && !(spec.from > 0 && spec.to > 0)) {
    notices.push(
      `A log-spaced sweep needs positive values of ${parameter.label}; spacing it evenly instead.`,
    );
    spec.scale = 'linear';
  }
  const configs: ExplorerConfig[] = [];
  for (const value of sweepValues(spec)) {
    const checked = checkConfig({ ...base, [spec.parameter]: value }, context);
    for (const notice of checked.notices) if (!notices.includes(notice)) notices.push(notice);
    configs.push(checked.config);
  }
  return { spec, configs, notices };
}

/** The link key of the sweep: `sweep=<parameter key>:<from>:<to>:<count>[:log]`, e.g. `s:0:1:5`. */
export const SWEEP_LINK_KEY = 'sweep';

export function encodeSweep(spec: SweepSpec): string {
  const key = numberParameters[spec.parameter].key;
  const parts = [key, String(spec.from), String(spec.to), String(spec.count)];
  if (spec.scale === 'log') parts.push('log');
  return parts.join(':');
}

/** A sweep from its link text, or a message saying what is wrong with it. */
export function decodeSweep(text: string): SweepSpec | { error: string } {
  const [key, from, to, count, scale, ...rest] = text.split(':');
  const parameter = sweepParameters.find((name) => numberParameters[name].key === key);
  const keys = sweepParameters.map((name) => numberParameters[name].key).join(', ');
  if (parameter === undefined) return { error: `sweep=${text}: sweeps step one of ${keys}, not "${key}".` };
  const numbers = [from, to, count].map((part) =>
    part === undefined || part === '' ? Number.NaN : Number(part),
  );
  if (
    numbers.some((value) => !Number.isFinite(value)) ||
    rest.length > 0 ||
    (scale !== undefined && scale !== 'log')
  ) {
    return { error: `sweep=${text} is not <parameter>:<from>:<to>:<panels>[:log], e.g. s:0:1:5.` };
  }
  return {
    parameter,
    from: numbers[0],
    to: numbers[1],
    count: numbers[2],
    scale: scale === 'log' ? 'log' : 'linear',
  };
}
