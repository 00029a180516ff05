import { useExplorerStore } from '../state/store';
import { formatDuration } from './format';

/** The stage being built, as a bar and in words, with the time left once it can be estimated. */
export function BuildProgress() {
  const progress = useExplorerStore((state) => state.progress);
  if (!progress) return null;
  const percent = Math.round(100 * progress.fraction);
  return (
    <p role="status" className="status build-progress">
      <progress value={progress.fraction} max={1} aria-label={`Building ${progress.stage}`} /> Building:{' '}
      {progress.stage} {percent} %
      {progress.remainingSeconds !== undefined &&
        ` — about ${formatDuration(progress.remainingSeconds)} left`}
    </p>
  );
}
