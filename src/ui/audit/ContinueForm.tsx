import type { ContinueRequest } from '../../engine/auditSession';
import type { ContinueMethod } from '../../engine/import';
import { numberParameters } from '../../engine/parameters';
import { Select } from '../controls/Select';
import { AuditNumberField } from './AuditNumberField';
import { methodLabels } from './continuationName';

const methods = (Object.keys(methodLabels) as ContinueMethod[]).map((value) => ({
  value,
  label: methodLabels[value],
}));

/**
 * How to continue from their layout: which loss (UMAP's sampling, the corrected one, Neg-t-SNE at
 * a spectrum s), for how many epochs, from which learning rate; Run starts it.
 */
export function ContinueForm({
  request,
  disabled,
  onChange,
  onRun,
}: {
  request: ContinueRequest;
  /** No worker yet, or a continuation running. */
  disabled: boolean;
  onChange: (patch: Partial<ContinueRequest>) => void;
  onRun: () => void;
}) {
  return (
    <div className="audit-form">
      <Select
        label="method"
        help="Which sampling our optimizer continues your layout with, on your graph μ."
        value={request.method}
        choices={methods}
        onChange={(method) => onChange({ method })}
        testId="continue-method"
      />
      {request.method === 'neg' && (
        <AuditNumberField
          caption="spectrum s"
          parameter={numberParameters.spectrum}
          value={request.s}
          onCommit={(s) => onChange({ s })}
          hint={numberParameters.spectrum.hint}
        />
      )}
      <AuditNumberField
        caption="epochs"
        parameter={numberParameters.epochs}
        value={request.epochs}
        onCommit={(epochs) => onChange({ epochs })}
      />
      <AuditNumberField
        caption="learning rate α₀"
        parameter={numberParameters.learningRate}
        value={request.learningRate}
        onCommit={(learningRate) => onChange({ learningRate })}
        hint="below umap-learn’s 1: your layout has converged already, and full-size first steps would scatter it before the new loss shapes it"
      />
      <button type="button" disabled={disabled} onClick={onRun}>
        Run
      </button>
    </div>
  );
}
