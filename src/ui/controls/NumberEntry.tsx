import { useState } from 'react';
import { formatNumber } from '../../engine/messages';
import type { NumberParameter } from '../../engine/parameters';

/**
 * A number the user can also type: committed on Enter or when the field loses focus (not per
 * keystroke, so typing "25" is one change, not "2" then "25"); out-of-range entries are refused
 * in place, with the range said.
 */
export function NumberEntry({
  value,
  parameter,
  onCommit,
  label = `${parameter.label}, exact value`,
}: {
  value: number;
  parameter: NumberParameter;
  onCommit: (value: number) => void;
  /** Its accessible name; by default the slider's field (the parameter's "exact value"). */
  label?: string;
}) {
  const [text, setText] = useState<string | null>(null);
  const { min, max } = parameter;
  const integer = parameter.type === 'integer';
  const entered = text === null ? value : Number(text);
  const invalid =
    text !== null &&
    (text.trim() === '' ||
      !Number.isFinite(entered) ||
      entered < min ||
      entered > max ||
      (integer && !Number.isInteger(entered)));
  const commit = () => {
    if (text === null) return;
    if (!invalid && entered !== value) onCommit(entered);
    if (!invalid) setText(null);
  };
  return (
    <>
      <input
        type="number"
        className="number-entry"
        aria-label={label}
        aria-invalid={invalid}
        min={min}
        max={max}
        step={integer ? 1 : 'any'}
        value={text ?? String(value)}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') setText(null);
        }}
      />
      {invalid && (
        <small role="alert" className="control-error">
          {integer ? 'a whole number' : 'a number'} in {formatNumber(min)}–{formatNumber(max)}
        </small>
      )}
    </>
  );
}
