import { useExplorerStore } from '../state/store';

/** Says, in plain words, what the last change did: applied live, or which part of the run it rebuilds. */
export function RestartNote() {
  const change = useExplorerStore((state) => state.lastChange);
  // A change the engine refused leaves the previous run going: nothing was rebuilt.
  const refused = useExplorerStore((state) => state.frame?.error !== undefined);
  if (!change) return null;
  return (
    <p role="status" className={`restart-note restart-note-${change.applied}`} data-testid="restart-note">
      {refused ? 'not applied' : change.summary}
    </p>
  );
}
