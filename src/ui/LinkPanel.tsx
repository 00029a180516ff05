import { useState } from 'react';
import { useLinkStore } from '../state/linkStore';
import { useExplorerStore } from '../state/store';
import { encodeConfig } from '../state/urlCodec';

/** "Copy link" for the configuration in effect (and the sweep shown), and what the opening link had wrong. */
export function LinkPanel() {
  const notices = useLinkStore((state) => state.notices);
  const linkedCsv = useLinkStore((state) => state.linkedCsv);
  const config = useExplorerStore((state) => state.frame?.config);
  const loadedCsv = useExplorerStore((state) => state.csv);
  const sweep = useExplorerStore((state) => state.sweep?.spec ?? null);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);

  const copy = async () => {
    if (!config) return;
    const url = new URL(window.location.href);
    url.hash = encodeConfig(config, config.dataset === 'csv' ? loadedCsv : null, sweep);
    try {
      await navigator.clipboard.writeText(url.href);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <div className="link-panel">
      <button type="button" onClick={() => void copy()} disabled={!config}>
        Copy link
      </button>
      {copied === 'copied' && <span role="status">Link copied: it reproduces this run exactly.</span>}
      {copied === 'failed' && (
        <span role="alert">The clipboard is not available here; copy the address bar instead.</span>
      )}
      {linkedCsv && loadedCsv && loadedCsv.sha256 !== linkedCsv.sha256 && (
        <p role="alert" className="notice">
          The file you loaded, “{loadedCsv.name}” (SHA-256 {loadedCsv.sha256.slice(0, 12)}…), is not the one
          this link was made with, so its run will differ from the shared one.
        </p>
      )}
      {linkedCsv && !loadedCsv && (
        <p role="note" className="notice">
          This link was made with the file “{linkedCsv.name}” (SHA-256 {linkedCsv.sha256.slice(0, 12)}…). Load
          that file to reproduce the run.
        </p>
      )}
      {notices.length > 0 && (
        <ul className="notice" aria-label="Link notices">
          {notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
