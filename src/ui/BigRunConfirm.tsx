import { N_MENU_MAX } from '../engine/parameters';
import { useExplorerStore } from '../state/store';
import { formatDuration, formatInteger } from './format';
import { useRunClient } from './runClientContext';

/** Asks before a run larger than the menus offer (reachable by a link), with its forecast time and memory. */
export function BigRunConfirm() {
  const client = useRunClient();
  const pending = useExplorerStore((state) => state.pendingRun);
  const hasRun = useExplorerStore((state) => state.frame !== null);
  if (!pending || !client) return null;
  const { config, estimate } = pending;
  return (
    <section className="notice big-run" aria-label="Confirm a large run">
      <p>
        n = {formatInteger(config.n)} is more than the menus offer (up to {formatInteger(N_MENU_MAX)}).
        Building and running it takes about {formatDuration(estimate.seconds)} and{' '}
        {formatInteger(Math.ceil(estimate.megabytes))} MB here; the page stays usable meanwhile.
      </p>
      <div className="buttons">
        <button type="button" onClick={() => void client.configure(config, { confirmed: true })}>
          Run n = {formatInteger(config.n)}
        </button>
        <button type="button" onClick={() => void client.configure({ ...config, n: N_MENU_MAX })}>
          Use n = {formatInteger(N_MENU_MAX)} instead
        </button>
        {hasRun && (
          <button type="button" onClick={() => useExplorerStore.getState().setPendingRun(null)}>
            Keep the current run
          </button>
        )}
      </div>
    </section>
  );
}
