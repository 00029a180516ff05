import type { Frame } from '../engine/frame';
import { everyEpochs, formatDuration, formatInteger, formatThreeDigits } from './format';
import { StatList, type StatRow } from './StatList';

/** Epoch, learning rate, speed and the ring's contraction as a number. */
export function Readout({
  frame,
  inputThickness,
  threads,
}: {
  frame: Frame;
  inputThickness?: number;
  /** Threads running each epoch (RunInfo.threads). */
  threads?: number;
}) {
  const ratio =
    frame.thickness !== undefined && inputThickness ? frame.thickness / inputThickness : undefined;
  const rows: StatRow[] = [
    ['epoch', `${formatInteger(frame.epoch)} / ${formatInteger(frame.nEpochs)}`, 'epoch'],
    ['learning rate α', formatThreeDigits(frame.learningRate), 'alpha'],
    ['speed', `${formatInteger(Math.round(frame.epochsPerSecond))} epochs/s`, 'speed'],
    [
      'threads',
      threads === undefined || threads === 1
        ? '1 (same seed, same result)'
        : `${threads} (Hogwild, not reproducible)`,
      'threads',
    ],
    [
      'losses evaluated',
      frame.evaluationNote ??
        `${everyEpochs(frame.cadence)} (${Math.round(100 * frame.evaluationShare)} % of worker time)`,
      'cadence',
    ],
  ];
  if (frame.status === 'running' && frame.remainingSeconds !== undefined)
    rows.push(['time left', `about ${formatDuration(frame.remainingSeconds)}`, 'time-left']);
  // The thickness of a ring torn into arcs measures nothing: say what happened instead.
  if (frame.ringArcs !== undefined && frame.ringArcs > 1)
    rows.push(['ring', `torn into ${frame.ringArcs} arcs`, 'ring-arcs']);
  else if (ratio !== undefined)
    rows.push(['ring thickness / input', formatThreeDigits(ratio), 'thickness-ratio']);
  return <StatList rows={rows} data-status={frame.status} data-embedding-hash={frame.embeddingHash} />;
}
