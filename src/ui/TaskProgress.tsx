import type { ReactNode } from 'react';
import { formatElapsed, formatPercent } from './format';

/**
 * A long task's progress line (Table 1 over seeds, a sweep): what it is doing, a bar with the share
 * done, the time left once it can be estimated, and Cancel.
 */
export function TaskProgress({
  what,
  fraction,
  remainingSeconds,
  onCancel,
}: {
  what: ReactNode;
  fraction: number;
  remainingSeconds?: number;
  onCancel: () => void;
}) {
  const left =
    remainingSeconds === undefined
      ? 'estimating the time left…'
      : `about ${formatElapsed(remainingSeconds)} left`;
  return (
    <p role="status" className="preset-progress">
      <label>
        {what} <progress max={1} value={fraction} /> {formatPercent(fraction)}, {left}
      </label>{' '}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </p>
  );
}
