import { useState } from 'react';
import type { AuditResult, ContinueRequest } from '../../engine/auditSession';
import { numberParameters } from '../../engine/parameters';
import { useExplorerStore } from '../../state/store';
import { formatThreeDigits } from '../format';
import { useRunClient } from '../runClientContext';
import { TaskProgress } from '../TaskProgress';
import { AuditScatter } from './AuditScatter';
import { ContinueForm } from './ContinueForm';
import { ContinueTable } from './ContinueTable';
import { continuationName } from './continuationName';

/**
 * The corrected sampling by default: it is what moves their layout (§7.3). 0.25, not α₀ = 1: their
 * layout has converged already (ContinueForm's hint says so to the user).
 */
const DEFAULT_REQUEST: ContinueRequest = {
  method: 'corrected',
  s: numberParameters.spectrum.default,
  epochs: 200,
  learningRate: 0.25,
};

/**
 * "Continue from it" (issue 17): our optimizer on their graph from their layout, in the run worker
 * (the current run pauses meanwhile), and where that takes their picture and their numbers.
 */
export function AuditContinuation({ audited }: { audited: AuditResult }) {
  const client = useRunClient();
  const continuation = useExplorerStore((state) => state.auditContinuation);
  const [request, setRequest] = useState<ContinueRequest>(DEFAULT_REQUEST);
  const running = continuation?.status === 'running';
  const result = continuation?.result ?? null;
  return (
    <section className="audit-continuation" aria-label="Continue from it">
      <h3>Continue from it</h3>
      <p className="hint">
        Our optimizer on your graph μ, starting from your layout: UMAP’s sampling should leave it where it is,
        the paper’s corrected sampling (§7.3) moves ν from ν* to μ, Neg-t-SNE slides along the t-SNE ↔ UMAP
        spectrum. The current run pauses meanwhile.
      </p>
      <ContinueForm
        request={request}
        disabled={!client || running}
        onChange={(patch) => setRequest({ ...request, ...patch })}
        onRun={() => client && void client.continueAudit(request)}
      />
      {running && (
        <TaskProgress
          what={`Continuing: ${continuationName(continuation.request)}`}
          fraction={continuation.progress?.fraction ?? 0}
          remainingSeconds={continuation.progress?.remainingSeconds}
          onCancel={() => client && void client.cancel()}
        />
      )}
      {continuation?.status === 'done' && result && (
        <p role="status" className="status">
          Continued in {formatThreeDigits(result.seconds)} s.
        </p>
      )}
      {continuation?.status === 'cancelled' && (
        <p role="status" className="status">
          Cancelled{result ? '; below: the last continuation that finished.' : '.'}
        </p>
      )}
      {continuation?.status === 'failed' && (
        <p role="alert" className="error">
          {continuation.error}
        </p>
      )}
      {result && (
        <div className="audit-results">
          <AuditScatter result={audited} name="Theirs" />
          <AuditScatter
            result={audited}
            layout={result.layout}
            name={`After ${continuationName(result.request)}`}
            title={`After ${continuationName(result.request)}`}
            legend={false}
          />
          <ContinueTable theirs={audited.audit} continued={result} />
        </div>
      )}
    </section>
  );
}
