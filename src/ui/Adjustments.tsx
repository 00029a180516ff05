import { useExplorerStore } from '../state/store';

/** What the configuration rules changed in the last configuration asked for, until dismissed. */
export function Adjustments() {
  const adjustments = useExplorerStore((state) => state.adjustments);
  const dismiss = useExplorerStore((state) => state.setAdjustments);
  if (adjustments.length === 0) return null;
  return (
    <div role="status" className="notice adjustments" aria-label="Settings changed">
      <ul>
        {adjustments.map((adjustment) => (
          <li key={adjustment}>{adjustment}</li>
        ))}
      </ul>
      <button type="button" onClick={() => dismiss([])}>
        Dismiss
      </button>
    </div>
  );
}
