import { useEffect, useState } from 'react';
import { runLinkedSweep } from '../state/linkedSweep';
import { useExplorerStore } from '../state/store';
import { readLocation, runnableConfig, useUrlSync } from '../state/urlSync';
import { type RunClient, startRunClient } from '../state/workerClient';
import { Adjustments } from './Adjustments';
import { AuditPanel } from './audit/AuditPanel';
import { BigRunConfirm } from './BigRunConfirm';
import { BuildProgress } from './BuildProgress';
import { Controls } from './Controls';
import { CsvPanel } from './CsvPanel';
import { Histograms } from './charts/Histograms';
import { LossCurves } from './charts/LossCurves';
import { PairViews } from './charts/PairViews';
import { ClaimCard } from './claims/ClaimCard';
import { usePresetStore } from './claims/presetStore';
import { ComparePanel } from './compare/ComparePanel';
import { ExportPanel } from './ExportPanel';
import { LinkPanel } from './LinkPanel';
import { PresetPanel } from './PresetPanel';
import { presets } from './presets';
import { RestartNote } from './RestartNote';
import { RunReadouts } from './RunReadouts';
import { RunClientContext } from './runClientContext';
import { ScatterPanel } from './scatter/ScatterPanel';
import { SweepPanel } from './sweep/SweepPanel';
import { Table1Panel } from './Table1Panel';
import { UpdateNotice } from './UpdateNotice';

export function App() {
  const [client, setClient] = useState<RunClient | null>(null);
  // Narrow selectors: the App must not re-render for every frame.
  const error = useExplorerStore((state) => state.frame?.error);
  const focus = usePresetStore((state) => presets.find((preset) => preset.id === state.activeId)?.focus);

  useUrlSync(client);

  useEffect(() => {
    const started = startRunClient();
    setClient(started);
    const link = readLocation();
    void started.configure(runnableConfig(link.config));
    const stopWaiting = link.sweep ? runLinkedSweep(started, link.config, link.sweep) : undefined;
    return () => {
      stopWaiting?.();
      started.dispose();
    };
  }, []);

  return (
    <RunClientContext.Provider value={client}>
      <div className="app">
        <header className="app-header">
          <h1>UMAP True-Loss Explorer</h1>
          <p className="subtitle">
            What UMAP's optimizer really minimizes — Damrich &amp; Hamprecht, “On UMAP’s True Loss Function”,
            NeurIPS 2021
          </p>
          <LinkPanel />
          <UpdateNotice />
        </header>
        <PresetPanel />
        <aside className="column-left" aria-label="Settings">
          <Controls />
          <CsvPanel />
          <RestartNote />
        </aside>
        <main className="column-centre" aria-label="Embedding">
          <Adjustments />
          <BigRunConfirm />
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <BuildProgress />
          <div className="scatter-area">
            <ScatterPanel />
          </div>
          <RunReadouts />
          <ComparePanel />
        </main>
        {/* The active preset's caption and claim card, over the right column (app.css). */}
        <ClaimCard />
        {/* The plot the active preset talks about comes first in this column, under its card. */}
        <aside className="column-right" aria-label="Losses and similarities" data-focus={focus}>
          <LossCurves />
          <Histograms />
          <PairViews />
          <Table1Panel />
          <ExportPanel />
        </aside>
        <SweepPanel />
        <AuditPanel />
      </div>
    </RunClientContext.Provider>
  );
}
