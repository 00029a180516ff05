import type { RunInfo } from '../../engine/frame';
import { formatInteger, formatThreeDigits } from '../format';
import type { Tooltip } from './hoverPoint';

/** What the scatter says about the point under the pointer: its index, label and degree. */
export function ScatterTooltip({ hovered, runInfo }: { hovered: Tooltip; runInfo: RunInfo }) {
  const label = runInfo.labels ? runInfo.labels[hovered.index] : undefined;
  return (
    <div
      className="scatter-tooltip"
      role="tooltip"
      style={{ left: hovered.left, top: hovered.top }}
      data-testid="scatter-tooltip"
    >
      <div>
        point <b>{formatInteger(hovered.index)}</b>
      </div>
      {label !== undefined && <div>label {runInfo.labelNames?.[label] ?? String(label)}</div>}
      <div>degree dᵢ = {formatThreeDigits(runInfo.degrees[hovered.index])}</div>
    </div>
  );
}
