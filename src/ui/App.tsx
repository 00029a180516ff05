import { useEffect, useState } from 'react';
import { useExplorerStore } from '../state/store';
import { type RunClient, startRunClient } from '../state/workerClient';
import { Controls } from './Controls';
import { GraphStats } from './GraphStats';
import { Readout } from './Readout';
import { RunClientContext } from './runClientContext';
import { Scatter } from './Scatter';

export function App() {
  const [client, setClient] = useState<RunClient | null>(null);
  const frame = useExplorerStore((state) => state.frame);
  const runInfo = useExplorerStore((state) => state.runInfo);
  const progress = useExplorerStore((state) => state.progress);

  useEffect(() => {
    const started = startRunClient();
    setClient(started);
    void started.configure(useExplorerStore.getState().config);
    return () => started.dispose();
  }, []);

  return (
    <RunClientContext.Provider value={client}>
      <main className="app">
        <header>
          <h1>UMAP True-Loss Explorer</h1>
          <p className="subtitle">
            What UMAP's optimizer really minimizes — Damrich &amp; Hamprecht, NeurIPS 2021
          </p>
        </header>
        {frame?.error && (
          <p role="alert" className="error">
            {frame.error}
          </p>
        )}
        {progress && (
          <p role="status" className="status">
            Building: {progress.stage} {Math.round(100 * progress.fraction)} %
          </p>
        )}
        <div className="workspace">
          <Controls />
          <section className="preview" aria-label="Embedding">
            {frame && frame.embedding.length > 0 && (
              <Scatter
                points={frame.embedding}
                hue={runInfo?.hue}
                runId={frame.runId}
                epoch={frame.epoch}
                width={480}
                height={480}
              />
            )}
            <div>
              {runInfo && <GraphStats runInfo={runInfo} k={frame?.config.k ?? 0} />}
              {frame && <Readout frame={frame} inputThickness={runInfo?.inputThickness} />}
            </div>
          </section>
        </div>
      </main>
    </RunClientContext.Provider>
  );
}
