import { useId } from 'react';
import type { AuditRequest } from '../../engine/auditSession';
import { numberParameters } from '../../engine/parameters';
import { Select } from '../controls/Select';
import { AuditNumberField } from './AuditNumberField';

/** The settings of their run the audit needs, as umap-learn names them (the run's own fields have the parameters' names). */
const settings = [
  { key: 'minDist', parameter: numberParameters.minDist, caption: 'your run’s min_dist' },
  { key: 'm', parameter: numberParameters.m, caption: 'your run’s negative_sample_rate (m)' },
] as const;

/** What to read from files that offer several: shown only then, the first offered by default. */
const choosers = [
  {
    key: 'embedding',
    label: 'embedding',
    help: "Which of the file's 2-D embeddings to audit.",
    testId: 'audit-embedding',
  },
  {
    key: 'labels',
    label: 'label column',
    help: 'Which categorical column colours the points.',
    testId: 'audit-labels',
  },
] as const;

const names = (list: string[]) => list.map((name) => ({ value: name, label: name }));

/**
 * What to audit: the files (picked here or dropped on the section), their run's min_dist and m, and
 * which embedding and label column, when the files offer several.
 */
export function AuditForm({
  request,
  embeddingNames,
  labelColumns,
  disabled,
  onFiles,
  onChange,
}: {
  request: AuditRequest;
  /** The choices the last audit's files offered. */
  embeddingNames: string[];
  labelColumns: string[];
  disabled: boolean;
  onFiles: (files: File[]) => void;
  onChange: (patch: Partial<AuditRequest>) => void;
}) {
  const inputId = useId();
  return (
    <div className="audit-form">
      <div className="control">
        <label htmlFor={inputId}>UMAP files</label>
        <input
          id={inputId}
          type="file"
          multiple
          accept=".h5ad,.npz,.mtx,.csv"
          disabled={disabled}
          onChange={(event) => {
            const chosen = Array.from(event.target.files ?? []);
            event.target.value = '';
            if (chosen.length > 0) onFiles(chosen);
          }}
        />
        <small className="control-hint">or drop them on this section</small>
      </div>
      {settings.map(({ key, parameter, caption }) => (
        <AuditNumberField
          key={key}
          caption={caption}
          parameter={parameter}
          value={request[key]}
          onCommit={(value) => onChange({ [key]: value })}
        />
      ))}
      {choosers.map(({ key, label, help, testId }) => {
        const offered = { embedding: embeddingNames, labels: labelColumns }[key];
        return (
          offered.length > 1 && (
            <Select
              key={key}
              label={label}
              help={help}
              value={request[key] ?? offered[0]}
              choices={names(offered)}
              onChange={(value) => onChange({ [key]: value })}
              testId={testId}
            />
          )
        );
      })}
    </div>
  );
}
