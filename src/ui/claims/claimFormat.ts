/** How the claim card prints numbers: the panels' own formats, so the card and the panels print the same digits. */
import { format } from 'd3';
import type { ExplorerConfig } from '../../engine/config';
import { formatInteger, formatThreeDigits } from '../format';
import type { RunData } from './runData';

/** Numbers in prose (the paper's style): thin spaces between thousands. */
export function prose(value: number): string {
  return formatInteger(value).replace(/,/g, '\u202f');
}

/** The mean degree as the graph readout prints it (GraphStats: two decimals). */
export const formatDegree = format('.2f');

/** A ratio as "12.3×" (whole numbers from 100 on). */
export const times = (ratio: number) =>
  `${ratio >= 100 ? formatInteger(Math.round(ratio)) : formatThreeDigits(ratio)}×`;
/** A loss in scientific notation as the paper prints it: "3.64·10⁸". */
export const sci = (value: number) => {
  const exponent = Math.floor(Math.log10(value));
  const digits = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
  const power = String(exponent)
    .split('')
    .map((c) => digits[Number(c)])
    .join('');
  return `${formatThreeDigits(value / 10 ** exponent)}·10${power}`;
};

/** How the claims name the run's dataset. */
export const datasetNames: Record<ExplorerConfig['dataset'], string> = {
  ring: 'the ring',
  rings: 'the 20 rings',
  square: 'the uniform square',
  blobs: 'the Gaussian blobs',
  mnist: 'MNIST digits',
  csv: 'your CSV',
};

/** When the numbers were measured: "after all 500 epochs", "at epoch 120 of 500". */
export function when(data: RunData): string {
  if (data.multiSeed) return `final epoch ${formatInteger(data.multiSeed.epochs.at(-1) ?? 0)}`;
  return data.status === 'done'
    ? `after all ${formatInteger(data.nEpochs)} epochs`
    : `at epoch ${formatInteger(data.epoch)} of ${formatInteger(data.nEpochs)}`;
}
