import type { ReactNode } from 'react';
import type { NumberParameter } from '../../engine/parameters';
import { NumberEntry } from '../controls/NumberEntry';

/**
 * A number of the audit's forms: its caption over the field (which takes the caption as its name,
 * so screen readers hear it once), the parameter's range, and an optional note under it.
 */
export function AuditNumberField({
  caption,
  parameter,
  value,
  onCommit,
  hint,
}: {
  caption: string;
  parameter: NumberParameter;
  value: number;
  onCommit: (value: number) => void;
  hint?: ReactNode;
}) {
  return (
    <div className="control">
      <span aria-hidden="true">{caption}</span>
      <NumberEntry value={value} parameter={parameter} label={caption} onCommit={onCommit} />
      {hint && <small className="control-hint">{hint}</small>}
    </div>
  );
}
