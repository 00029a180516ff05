import { useEffect, useRef, useState } from 'react';
import {
  embeddingCsv,
  exportFileName,
  histogramsCsv,
  lossHistoryCsv,
  umapLearnSnippet,
} from '../state/exports';
import { useExplorerStore } from '../state/store';
import { downloadBlob, downloadText } from './exports/download';
import { scatterPng } from './exports/scatterPng';
import { standaloneSvg } from './exports/svgFile';

/** How long "copied" stays up after a copy. */
const COPIED_MS = 2500;
/** The PNG's size in CSS pixels, at twice the resolution. */
const PNG_SIZE = 800;

/** The run as it is now, read when a button is pressed so that frames never re-render this panel. */
function currentRun() {
  const { frame, runInfo, history, histograms } = useExplorerStore.getState();
  if (!frame) throw new Error('There is no run to export yet.');
  const name = (what: string, extension: string) =>
    exportFileName(frame.config, what, extension, {
      datasetName: runInfo?.datasetName,
      n: frame.embedding.length / 2,
    });
  return { frame, runInfo, history, histograms, name };
}

function chartSvg(label: string): SVGSVGElement {
  const svg = document.querySelector<SVGSVGElement>(`svg[aria-label="${label}"]`);
  if (!svg) throw new Error(`The chart "${label}" is not on the page.`);
  return svg;
}

/** Downloads of the current run (CSV, PNG, SVG) and its configuration as a umap-learn script. */
export function ExportPanel() {
  const hasEmbedding = useExplorerStore((state) => (state.frame?.embedding.length ?? 0) > 0);
  const hasHistograms = useExplorerStore((state) => state.histograms !== null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [fallbackText, setFallbackText] = useState<string | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog || fallbackText === null) return;
    if (!dialog.open) dialog.showModal();
    textRef.current?.select();
  }, [fallbackText]);

  const run = (action: () => void | Promise<void>) => async () => {
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  const exportEmbedding = run(() => {
    const { frame, runInfo, name } = currentRun();
    const labelled = runInfo?.labels?.length === frame.embedding.length / 2;
    const text = embeddingCsv(frame.embedding, {
      labels: labelled ? runInfo?.labels : undefined,
      labelNames: runInfo?.labelNames,
    });
    downloadText(text, name('embedding', 'csv'), 'text/csv');
  });
  const exportLosses = run(() => {
    const { history, name } = currentRun();
    downloadText(lossHistoryCsv(history.actual, history.evaluations), name('losses', 'csv'), 'text/csv');
  });
  const exportHistograms = run(() => {
    const { histograms, name } = currentRun();
    if (!histograms) throw new Error('The similarity histograms are not computed yet.');
    downloadText(histogramsCsv(histograms), name('histograms', 'csv'), 'text/csv');
  });
  const exportPng = run(async () => {
    const { frame, runInfo, name } = currentRun();
    const blob = await scatterPng(frame.embedding, runInfo, {
      width: PNG_SIZE,
      height: PNG_SIZE,
      pixelRatio: 2,
    });
    downloadBlob(blob, name('scatter', 'png'));
  });
  const exportSvg = (label: string, what: string) =>
    run(() => {
      const { name } = currentRun();
      downloadText(standaloneSvg(chartSvg(label)), name(what, 'svg'), 'image/svg+xml');
    });
  const copyPython = run(async () => {
    const { frame, runInfo } = currentRun();
    // How the file was read is known for the file loaded last.
    const loaded = useExplorerStore.getState().csv;
    const csv =
      frame.config.dataset === 'csv' && runInfo
        ? loaded?.name === runInfo.datasetName
          ? loaded
          : { name: runInfo.datasetName }
        : undefined;
    const snippet = umapLearnSnippet(frame.config, csv);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(snippet);
      setCopied(true);
    } catch {
      // No clipboard (insecure context, permission refused): show the text to copy by hand.
      setFallbackText(snippet);
    }
  });

  return (
    <section className="export-panel" aria-label="Export">
      <h2>Export</h2>
      <div className="buttons">
        <button type="button" onClick={exportEmbedding} disabled={!hasEmbedding}>
          Embedding CSV
        </button>
        <button type="button" onClick={exportLosses} disabled={!hasEmbedding}>
          Loss history CSV
        </button>
        <button type="button" onClick={exportHistograms} disabled={!hasHistograms}>
          Histograms CSV
        </button>
        <button type="button" onClick={exportPng} disabled={!hasEmbedding}>
          Scatter PNG
        </button>
        <button type="button" onClick={exportSvg('Loss curves', 'loss-curves')} disabled={!hasEmbedding}>
          Loss curves SVG
        </button>
        <button
          type="button"
          onClick={exportSvg('Similarity histograms', 'histograms')}
          disabled={!hasHistograms}
        >
          Histograms SVG
        </button>
        <button type="button" onClick={copyPython} disabled={!hasEmbedding}>
          Copy as umap-learn Python
        </button>
      </div>
      <p role="status" className="status">
        {copied ? 'copied' : ''}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <dialog ref={dialogRef} aria-label="umap-learn Python" onClose={() => setFallbackText(null)}>
        <p>The clipboard is not available here: select the script and copy it.</p>
        <textarea
          ref={textRef}
          readOnly
          rows={16}
          cols={80}
          value={fallbackText ?? ''}
          aria-label="Python script"
        />
        <form method="dialog">
          <button type="submit">Close</button>
        </form>
      </dialog>
    </section>
  );
}
