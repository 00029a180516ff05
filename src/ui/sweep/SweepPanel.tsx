import { useExplorerStore } from '../../state/store';
import { useRunClient } from '../runClientContext';
import { SweepForm } from './SweepForm';
import { SweepMetricsChart } from './SweepMetricsChart';
import { SweepMetricTable } from './SweepMetricTable';
import { SweepMultiples } from './SweepMultiples';
import { SweepProgressLine } from './SweepProgressLine';
import { SweepSummary } from './SweepSummary';

/**
 * Parameter sweeps (docs/design.md, "Sweeps"): one parameter stepped over a range from the
 * configuration in effect, each value's layout as a small multiple, and the panels' measures
 * against the value. The form is always there; the results while a sweep view is open.
 */
export function SweepPanel() {
  const client = useRunClient();
  const sweep = useExplorerStore((state) => state.sweep);
  const previous = useExplorerStore((state) => state.previousSweep);
  // Until the last sweep's worker task has ended (its progress is cleared then), a new one would race it.
  const busy = useExplorerStore((state) => state.sweepProgress !== null || state.sweep?.status === 'running');
  const hasRun = useExplorerStore((state) => state.frame !== null);

  const close = () => {
    if (busy) void client?.cancel();
    useExplorerStore.getState().setSweep(null);
  };

  return (
    <section className="sweep" aria-label="Parameter sweep">
      <div className="sweep-head">
        <h2>Parameter sweep</h2>
        {sweep && (
          <button type="button" onClick={close}>
            Close
          </button>
        )}
      </div>
      <SweepForm disabled={!client || !hasRun || busy} onRun={(spec) => void client?.runSweep(spec)} />
      <SweepProgressLine />
      {sweep && (
        <>
          <SweepSummary sweep={sweep} />
          <SweepMultiples sweep={sweep} />
          <SweepMetricsChart sweep={sweep} previous={previous} />
          <SweepMetricTable sweep={sweep} />
        </>
      )}
      <p className="hint">
        Each panel is a full run of the current configuration with only the swept parameter changed, from the
        same seed, one after another; the current run pauses meanwhile. The link carries the sweep while it is
        shown.
      </p>
    </section>
  );
}
