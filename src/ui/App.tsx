import { useEffect } from 'react';
import { useExplorerStore } from '../state/store';
import { startRunWorker } from '../state/workerClient';
import { GraphStats } from './GraphStats';
import { Scatter } from './Scatter';

const defaultRing = { n: 1000, k: 15, seed: 3 };

export function App() {
  const { status, preview, setStatus, setPreview } = useExplorerStore();

  useEffect(() => {
    const { api, dispose } = startRunWorker();
    let cancelled = false;
    setStatus({ kind: 'working', what: 'Building the paper ring and its UMAP graph…' });
    api.buildGraphPreview(defaultRing).then(
      (result) => {
        if (!cancelled) setPreview(result);
      },
      (error: unknown) => {
        if (!cancelled) setStatus({ kind: 'error', message: String(error) });
      },
    );
    return () => {
      cancelled = true;
      dispose();
    };
  }, [setStatus, setPreview]);

  return (
    <main className="app">
      <header>
        <h1>UMAP True-Loss Explorer</h1>
        <p className="subtitle">
          What UMAP's optimizer really minimizes — Damrich &amp; Hamprecht, NeurIPS 2021
        </p>
      </header>
      {status.kind === 'working' && (
        <p role="status" className="status">
          {status.what}
        </p>
      )}
      {status.kind === 'error' && (
        <p role="alert" className="error">
          {status.message}
        </p>
      )}
      {preview && (
        <section className="preview" aria-label="Paper ring">
          <Scatter points={preview.points} hue={preview.hue} width={480} height={480} />
          <GraphStats preview={preview} />
        </section>
      )}
    </main>
  );
}
