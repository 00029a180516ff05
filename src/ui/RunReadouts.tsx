import { useExplorerStore } from '../state/store';
import { GraphStats } from './GraphStats';
import { Readout } from './Readout';

/** The run's numbers under the scatter; the only part of the centre column that changes every frame. */
export function RunReadouts() {
  const frame = useExplorerStore((state) => state.frame);
  const runInfo = useExplorerStore((state) => state.runInfo);
  return (
    <div className="readouts">
      {frame && <Readout frame={frame} inputThickness={runInfo?.inputThickness} />}
      {runInfo && <GraphStats runInfo={runInfo} k={frame?.config.k ?? 0} />}
    </div>
  );
}
