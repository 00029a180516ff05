import type { SweepView } from '../../state/store';
import { formatElapsed } from '../format';

/** What the sweep's checks changed (checkSweep's notices), and how it ended. */
export function SweepSummary({ sweep }: { sweep: SweepView }) {
  const { notices, status, panels, count, elapsedSeconds, error } = sweep;
  return (
    <>
      {notices.length > 0 && (
        <ul className="notice" aria-label="Sweep notices">
          {notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      )}
      {status === 'done' && elapsedSeconds !== undefined && (
        <p className="chart-note" data-testid="sweep-elapsed">
          {count} panels in {formatElapsed(elapsedSeconds)}, one thread each, so each is reproducible from the
          seed.
        </p>
      )}
      {status === 'cancelled' && (
        <p className="chart-note">
          Cancelled after {panels.length} of {count} panels.
        </p>
      )}
      {status === 'failed' && (
        <p role="alert" className="error">
          The sweep failed: {error}
        </p>
      )}
    </>
  );
}
