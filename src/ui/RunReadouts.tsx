import { useEffect, useState } from 'react';
import type { Frame } from '../engine/frame';
import { useExplorerStore } from '../state/store';
import { GraphStats } from './GraphStats';
import { Readout } from './Readout';

/** Numbers are read, not watched: 10 updates a second keep React and layout off most frames. */
const READOUT_INTERVAL_MS = 100;

/** The latest frame, at most every `interval` ms (and always the last one of a run). */
function useThrottledFrame(interval: number): Frame | null {
  const [frame, setFrame] = useState(() => useExplorerStore.getState().frame);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = useExplorerStore.subscribe(() => {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        setFrame(useExplorerStore.getState().frame);
      }, interval);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [interval]);
  return frame;
}

/** The run's numbers under the scatter. */
export function RunReadouts() {
  const frame = useThrottledFrame(READOUT_INTERVAL_MS);
  const runInfo = useExplorerStore((state) => state.runInfo);
  return (
    <div className="readouts">
      {frame && <Readout frame={frame} inputThickness={runInfo?.inputThickness} />}
      {runInfo && <GraphStats runInfo={runInfo} k={frame?.config.k ?? 0} />}
    </div>
  );
}
