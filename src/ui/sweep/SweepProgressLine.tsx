import { useExplorerStore } from '../../state/store';
import { useRunClient } from '../runClientContext';
import { TaskProgress } from '../TaskProgress';

/** While a sweep runs: which panel, what it is doing, the share of all its epochs done and the time left. */
export function SweepProgressLine() {
  const client = useRunClient();
  const progress = useExplorerStore((state) => state.sweepProgress);
  if (!progress) return null;
  return (
    <TaskProgress
      what={`Sweep: panel ${progress.panel + 1} of ${progress.panels}, ${progress.stage}`}
      fraction={progress.total > 0 ? progress.done / progress.total : 0}
      remainingSeconds={progress.remainingSeconds}
      onCancel={() => client && void client.cancel()}
    />
  );
}
