import { type ExplorerState, useExplorerStore } from '../state/store';
import { useThrottledStoreValue } from '../state/useThrottledStoreValue';
import { GraphStats } from './GraphStats';
import { Readout } from './Readout';

/** Numbers are read, not watched: 10 updates a second keep React and layout off most frames. */
const READOUT_INTERVAL_MS = 100;

const selectFrame = (state: ExplorerState) => state.frame;

/** The run's numbers under the scatter. */
export function RunReadouts() {
  const frame = useThrottledStoreValue(useExplorerStore, selectFrame, READOUT_INTERVAL_MS);
  const runInfo = useExplorerStore((state) => state.runInfo);
  return (
    <div className="readouts">
      {frame && <Readout frame={frame} inputThickness={runInfo?.inputThickness} threads={runInfo?.threads} />}
      {runInfo && <GraphStats runInfo={runInfo} k={frame?.config.k ?? 0} />}
      {runInfo?.message && (
        <p className="run-message" role="status" data-testid="run-message">
          {runInfo.message}
        </p>
      )}
    </div>
  );
}
