import { format } from 'd3';

/** Number formats shared by every panel, so the same quantity reads the same everywhere. */
export const formatInteger = format(',d');
/** Losses in nats: four significant digits, thousands grouped, never exponent notation. */
export const formatLoss = format(',.4~r');
export const formatThreeDigits = format('.3~g');
export const formatPercent = format('.1%');
/** Axis ticks: SI prefixes keep large counts short (12k, 1.5M). */
export const formatTick = format('~s');

/** A time to wait, rounded as a person reads it: `4 s`, `85 s`, `3 min`. */
export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
  return `${Math.round(seconds / 60)} min`;
}

/** A time measured, to the second: `40 s`, `2 min`, `2 min 5 s` (Table 1's elapsed and remaining times). */
export function formatElapsed(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** `every epoch`, `every 5 epochs`. */
export function everyEpochs(count: number): string {
  return count === 1 ? 'every epoch' : `every ${formatInteger(count)} epochs`;
}
