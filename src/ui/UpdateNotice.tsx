import { activateNewVersion, useNewVersionWaiting } from '../state/serviceWorker';

/** Says when a new version of the app has been downloaded, and reloads into it on request. */
export function UpdateNotice() {
  const waiting = useNewVersionWaiting();
  if (!waiting) return null;
  return (
    <p role="status" className="notice update-notice">
      A new version of the explorer is available; this page still runs the old one.{' '}
      <button type="button" onClick={activateNewVersion}>
        Reload to update
      </button>
    </p>
  );
}
