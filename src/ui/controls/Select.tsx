import { type ReactNode, useId } from 'react';
import { formatInteger } from '../format';

export interface Choice<T> {
  value: T;
  label: string;
  disabled?: boolean;
}

/** A labelled menu; `help` is its tooltip, `hint` a note always shown under it. */
export function Select<T extends string | number>({
  label,
  help,
  value,
  choices,
  onChange,
  hint,
  testId,
}: {
  label: string;
  help: string;
  value: T;
  choices: Choice<T>[];
  onChange: (value: T) => void;
  hint?: ReactNode;
  testId: string;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="control">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={String(value)}
        title={help}
        data-testid={testId}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => {
          const chosen = choices.find((choice) => String(choice.value) === event.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {choices.map((choice) => (
          <option key={String(choice.value)} value={String(choice.value)} disabled={choice.disabled}>
            {choice.label}
          </option>
        ))}
      </select>
      {hint && (
        <small id={hintId} className="control-hint">
          {hint}
        </small>
      )}
    </div>
  );
}

/** A menu's choices, plus the value in effect when a link or preset chose one off the menu: the menu always shows what runs. */
export function withValue(
  choices: Choice<number>[],
  value: number,
  label = formatInteger(value),
): Choice<number>[] {
  if (choices.some((choice) => choice.value === value)) return choices;
  return [...choices, { value, label }].sort((a, b) => a.value - b.value);
}
