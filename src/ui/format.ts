import { format } from 'd3';

/** Number formats shared by every panel, so the same quantity reads the same everywhere. */
export const formatInteger = format(',d');
/** Losses in nats: four significant digits, thousands grouped, never exponent notation. */
export const formatLoss = format(',.4~r');
export const formatThreeDigits = format('.3~g');
export const formatPercent = format('.1%');
/** Axis ticks: SI prefixes keep large counts short (12k, 1.5M). */
export const formatTick = format('~s');

/** `every epoch`, `every 5 epochs`. */
export function everyEpochs(count: number): string {
  return count === 1 ? 'every epoch' : `every ${formatInteger(count)} epochs`;
}
