import type { LiveParameter } from '../engine/config';
import { useExplorerStore } from '../state/store';

const liveNames: Record<LiveParameter, string> = { m: 'm', learningRate: 'learning rate' };

/** Says whether the last change applied to the running optimizer or restarted the run, and why. */
export function RestartNote() {
  const change = useExplorerStore((state) => state.lastChange);
  // A change the engine refused leaves the previous run going: nothing was rebuilt.
  const refused = useExplorerStore((state) => state.frame?.error !== undefined);
  if (!change) return null;
  let text: string;
  if (refused) {
    text = 'not applied';
  } else if (change.applied === 'live') {
    text = `applied live: ${change.live.map((name) => liveNames[name]).join(', ')}`;
  } else if (change.applied === 'restart') {
    text = change.rebuild.length > 0 ? `restarted: rebuilt ${change.rebuild.join(', ')}` : 'restarted';
  } else {
    text = 'no change';
  }
  return (
    <p role="status" className={`restart-note restart-note-${change.applied}`} data-testid="restart-note">
      {text}
    </p>
  );
}
