import { format } from 'd3';
import type { Frame } from '../engine/frame';

const integer = format(',d');
const threeDigits = format('.3~g');

/** Epoch, learning rate, speed and the ring's contraction as a number. */
export function Readout({ frame, inputThickness }: { frame: Frame; inputThickness?: number }) {
  const ratio =
    frame.thickness !== undefined && inputThickness ? frame.thickness / inputThickness : undefined;
  const rows: [string, string, string][] = [
    ['epoch', `${integer(frame.epoch)} / ${integer(frame.nEpochs)}`, 'epoch'],
    ['learning rate α', threeDigits(frame.learningRate), 'alpha'],
    ['speed', `${integer(Math.round(frame.epochsPerSecond))} epochs/s`, 'speed'],
    [
      'losses evaluated',
      frame.evaluationNote ??
        `every ${frame.cadence} epochs (${Math.round(100 * frame.evaluationShare)} % of worker time)`,
      'cadence',
    ],
  ];
  if (ratio !== undefined) rows.push(['ring thickness / input', threeDigits(ratio), 'thickness-ratio']);
  return (
    <dl className="graph-stats" data-status={frame.status} data-embedding-hash={frame.embeddingHash}>
      {rows.map(([label, value, id]) => (
        <div key={id}>
          <dt>{label}</dt>
          <dd data-testid={id}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
