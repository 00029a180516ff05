import { useExplorerStore } from '../../state/store';
import { formatElapsed, formatPercent } from '../format';
import { useRunClient } from '../runClientContext';

/** While a sweep runs: which panel, what it is doing, the share of all its epochs done and the time left. */
export function SweepProgressLine() {
  const client = useRunClient();
  const progress = useExplorerStore((state) => state.sweepProgress);
  if (!progress) return null;
  const fraction = progress.total > 0 ? progress.done / progress.total : 0;
  const left =
    progress.remainingSeconds === undefined
      ? 'estimating the time left…'
      : `about ${formatElapsed(progress.remainingSeconds)} left`;
  return (
    <p role="status" className="preset-progress">
      <label>
        Sweep: panel {progress.panel + 1} of {progress.panels}, {progress.stage}{' '}
        <progress max={1} value={fraction} /> {formatPercent(fraction)}, {left}
      </label>{' '}
      <button type="button" onClick={() => client && void client.cancel()}>
        Cancel
      </button>
    </p>
  );
}
