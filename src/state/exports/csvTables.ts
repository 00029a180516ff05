import { csvFormatValue } from 'd3';
import type { ActualLoss, EvaluatedLosses, Histograms, LossParts } from '../../engine/frame';

/**
 * The explorer's results as CSV text (RFC 4180 quoting via d3-dsv, '\n' line ends, header first).
 * Plain data in, a string out: the panel that downloads them owns the DOM side.
 */

/** The shortest decimal that reads back as the same float32 (6 digits already suffice for most). */
export function formatFloat32(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  for (let digits = 6; digits < 9; digits++) {
    const short = Number(value.toPrecision(digits));
    if (Math.fround(short) === value) return String(short);
  }
  return String(Number(value.toPrecision(9)));
}

export interface EmbeddingCsvOptions {
  labels?: Int32Array;
  /** Label i is written as labelNames[i]; a label without a name as its number. */
  labelNames?: string[];
  /** Prepend the point's row number in the input (0-based). */
  index?: boolean;
}

/** `x,y` (plus `label`, and `index` first when asked) with one row per point, in input order. */
export function embeddingCsv(
  embedding2d: Float32Array,
  { labels, labelNames, index = false }: EmbeddingCsvOptions = {},
): string {
  const n = embedding2d.length / 2;
  if (labels && labels.length !== n) {
    throw new Error(`embeddingCsv: ${labels.length} labels for ${n} points`);
  }
  const header = [...(index ? ['index'] : []), 'x', 'y', ...(labels ? ['label'] : [])];
  // Each label's quoted text once, not once per point.
  const quoted = new Map<number, string>();
  const labelText = (label: number): string => {
    let text = quoted.get(label);
    if (text === undefined) {
      text = csvFormatValue(labelNames?.[label] ?? String(label));
      quoted.set(label, text);
    }
    return text;
  };
  const lines: string[] = [header.join(',')];
  for (let i = 0; i < n; i++) {
    let line = `${formatFloat32(embedding2d[2 * i])},${formatFloat32(embedding2d[2 * i + 1])}`;
    if (index) line = `${i},${line}`;
    if (labels) line += `,${labelText(labels[i])}`;
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}

const PARTS = ['attractive', 'repulsive', 'total'] as const;
const columnsOf = (loss: string) => PARTS.map((part) => `${loss}_${part}`);
const partsOf = (parts: LossParts | undefined) =>
  PARTS.map((part) => (parts ? String(parts[part]) : '')).join(',');

/**
 * One row per number of epochs completed that has any loss: row e holds the actual loss (eq. 11)
 * accumulated during epoch e (the e-th epoch, so row 0, the initial layout, has none) and the
 * purported (eq. 6) and effective (eq. 12) losses where they were evaluated after e epochs, empty
 * cells elsewhere. An ActualLoss's `epoch` is the 0-based index of the epoch run, hence the + 1.
 */
export function lossHistoryCsv(
  actual: readonly ActualLoss[],
  evaluations: readonly EvaluatedLosses[],
): string {
  const actualByEpoch = new Map(actual.map((entry) => [entry.epoch + 1, entry.actual]));
  const evaluatedByEpoch = new Map(evaluations.map((entry) => [entry.epoch, entry]));
  const epochs = [...new Set([...actualByEpoch.keys(), ...evaluatedByEpoch.keys()])].sort((a, b) => a - b);
  const header = ['epoch', ...columnsOf('actual'), ...columnsOf('purported'), ...columnsOf('effective')];
  const lines = [header.join(',')];
  for (const epoch of epochs) {
    const evaluated = evaluatedByEpoch.get(epoch);
    lines.push(
      `${epoch},${partsOf(actualByEpoch.get(epoch))},${partsOf(evaluated?.purported)},${partsOf(evaluated?.effective)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The similarity histograms (Fig. 4): pair counts of μ, ν* (eq. 15) and ν per bin of [0, 1];
 * the ν column is empty before the first evaluation.
 */
export function histogramsCsv({ mu, nuStar, nu }: Histograms): string {
  const bins = mu.length;
  if (nuStar.length !== bins || (nu && nu.length !== bins)) {
    throw new Error('histogramsCsv: μ, ν* and ν need the same number of bins');
  }
  const lines = ['bin_left,bin_right,mu,nu_star,nu'];
  for (let i = 0; i < bins; i++) {
    lines.push(`${i / bins},${(i + 1) / bins},${mu[i]},${nuStar[i]},${nu ? nu[i] : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
