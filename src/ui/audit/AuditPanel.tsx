import { type DragEvent, useDeferredValue, useState } from 'react';
import type { AuditRequest } from '../../engine/auditSession';
import { numberParameters } from '../../engine/parameters';
import { useExplorerStore } from '../../state/store';
import { formatThreeDigits } from '../format';
import { useRunClient } from '../runClientContext';
import { AuditContinuation } from './AuditContinuation';
import { AuditForm } from './AuditForm';
import { AuditHistograms } from './AuditHistograms';
import { AuditLossTable } from './AuditLossTable';
import { AuditNumbers } from './AuditNumbers';
import { AuditPairViews } from './AuditPairViews';
import { AuditScatter } from './AuditScatter';

/** umap-learn's defaults (the explorer's too): what an audit assumes until told otherwise. */
const DEFAULT_REQUEST: AuditRequest = {
  minDist: numberParameters.minDist.default,
  m: numberParameters.m.default,
};

/**
 * A UMAP made elsewhere (issue 17): its graph and layout read and scored in the run worker, beside
 * the current run, which goes on. What the paper says to look at: their layout, its losses beside a
 * diverged and a random layout (Table 1), and the μ, ν*, ν histograms (Fig. 4).
 */
export function AuditPanel() {
  const client = useRunClient();
  const audit = useExplorerStore((state) => state.audit);
  const [files, setFiles] = useState<File[]>([]);
  const [request, setRequest] = useState<AuditRequest>(DEFAULT_REQUEST);

  const run = (nextFiles: File[], nextRequest: AuditRequest) => {
    setFiles(nextFiles);
    setRequest(nextRequest);
    if (client && nextFiles.length > 0) void client.auditUmapFiles(nextFiles, nextRequest);
  };
  // New files start from their own defaults for the embedding and labels.
  const chooseFiles = (chosen: File[]) => run(chosen, { minDist: request.minDist, m: request.m });

  // A drop here is the audit's: kept from the page-wide CSV drop (usePageDrop).
  const dragOver = (event: DragEvent) => {
    if (event.dataTransfer.types.includes('Files')) event.preventDefault();
  };
  const drop = (event: DragEvent) => {
    const dropped = Array.from(event.dataTransfer.files);
    if (dropped.length === 0) return;
    event.preventDefault();
    event.stopPropagation();
    chooseFiles(dropped);
  };

  const result = audit?.result ?? null;
  // The numbers first, the drawings (layout, histograms) in a render of their own: at 200 000 points
  // the two together held the main thread past 50 ms.
  const drawn = useDeferredValue(result);
  // The selects offer what the last audit's files held, unless those failed to read.
  const offered = audit?.status === 'failed' ? null : result;
  return (
    <section className="audit" aria-label="Audit your own UMAP" onDragOver={dragOver} onDrop={drop}>
      <h2>Audit your own UMAP</h2>
      <p className="hint">
        Your UMAP’s graph μ — an .h5ad from scanpy, or umap-learn’s <code>reducer.graph_</code> saved as .npz
        (scipy.sparse.save_npz) or .mtx (scipy.io.mmwrite) — and its layout, as a CSV unless the .h5ad holds
        it. Read and scored in this page (nothing is uploaded); the current run goes on.
      </p>
      <AuditForm
        request={request}
        embeddingNames={offered?.embeddingNames ?? []}
        labelColumns={offered?.labelColumns ?? []}
        disabled={!client}
        onFiles={chooseFiles}
        onChange={(patch) => run(files, { ...request, ...patch })}
      />
      {audit?.status === 'reading' && (
        <div className="audit-reading">
          <p role="status" className="status">
            Reading and auditing {files.map((file) => file.name).join(', ')}…
            {audit.progress &&
              ` step ${audit.progress.step} of ${audit.progress.steps}: ${audit.progress.doing}`}
          </p>
          {client?.canCancelAudit && (
            <button type="button" onClick={client.cancelAudit}>
              Cancel the audit
            </button>
          )}
        </div>
      )}
      {audit?.status === 'cancelled' && (
        <p role="status" className="status">
          Audit cancelled
          {result ? `; below: the last audit that finished (${result.files.join(' + ')}).` : '.'}
        </p>
      )}
      {audit?.status === 'done' && result && (
        <p role="status" className="status">
          Audited {result.files.join(' + ')} in {formatThreeDigits(result.seconds)} s.
        </p>
      )}
      {audit?.status === 'failed' && (
        <p role="alert" className="error">
          {audit.error}
          {result && ` Below: the last audit that worked (${result.files.join(' + ')}).`}
        </p>
      )}
      {result && (
        <div className="audit-results">
          {drawn && <AuditScatter result={drawn} />}
          <div className="audit-numbers">
            <AuditNumbers result={result} />
            <AuditLossTable audit={result.audit} />
          </div>
          {drawn && <AuditHistograms audit={drawn.audit} />}
          {drawn && <AuditPairViews audit={drawn.audit} />}
        </div>
      )}
      {result && <AuditContinuation audited={result} />}
    </section>
  );
}
