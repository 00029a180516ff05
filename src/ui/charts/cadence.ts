import { everyEpochs, formatInteger } from '../format';

/**
 * What the purported/effective curves are made of, in words: how far apart their evaluated epochs
 * are and how many points they have ("every 5 epochs, 100 points"). The evaluation budget may change
 * the cadence during a run; then the usual gap is named with the range of the others.
 */
export function describeCadence(epochs: ArrayLike<number>): string {
  const count = epochs.length;
  if (count === 0) return 'not evaluated yet';
  const points = `${formatInteger(count)} ${count === 1 ? 'point' : 'points'}`;
  if (count === 1) return `at epoch ${formatInteger(epochs[0])} only, 1 point`;
  const gaps = new Map<number, number>();
  let smallest = Number.POSITIVE_INFINITY;
  let largest = 0;
  for (let i = 1; i < count; i++) {
    const gap = epochs[i] - epochs[i - 1];
    gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
    smallest = Math.min(smallest, gap);
    largest = Math.max(largest, gap);
  }
  // The run's last epoch is evaluated whatever the cadence: a shorter last gap is not a change of cadence.
  const lastGap = epochs[count - 1] - epochs[count - 2];
  if (gaps.size === 1 || (gaps.size === 2 && (gaps.get(lastGap) ?? 0) === 1 && lastGap < largest)) {
    return `${everyEpochs(largest)}, ${points}`;
  }
  let usual = largest;
  let usualCount = 0;
  for (const [gap, times] of gaps) {
    if (times > usualCount || (times === usualCount && gap > usual)) {
      usual = gap;
      usualCount = times;
    }
  }
  return `mostly ${everyEpochs(usual)} (gaps of ${formatInteger(smallest)}–${formatInteger(largest)}), ${points}`;
}

/** The actual loss: every epoch, drawn as bucket means when there are more epochs than points drawn. */
export function describeActual(epochsRun: number, pointsDrawn: number): string {
  if (epochsRun === 0) return 'actual (eq. 11): every epoch, none yet';
  if (pointsDrawn >= epochsRun) return `actual (eq. 11): every epoch, ${formatInteger(epochsRun)} points`;
  const bucket = Math.ceil(epochsRun / pointsDrawn);
  return `actual (eq. 11): every epoch, ${formatInteger(epochsRun)} values drawn as ${formatInteger(pointsDrawn)} means of ${formatInteger(bucket)}`;
}
