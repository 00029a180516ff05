import { type FormEvent, useState } from 'react';
import { numberParameters } from '../../engine/parameters';
import {
  SWEEP_MAX_PANELS,
  SWEEP_MIN_PANELS,
  type SweepParameter,
  type SweepSpec,
  sweepParameters,
} from '../../engine/sweep';
import { useExplorerStore } from '../../state/store';
import { defaultSweepFor, sweepRangeFor } from './sweepDefaults';

/** The form as typed: numbers stay text until the run, so a half-typed "0." is not rewritten. */
interface SweepDraft {
  parameter: SweepParameter;
  from: string;
  to: string;
  count: string;
  log: boolean;
}

const draftOf = (spec: SweepSpec): SweepDraft => ({
  parameter: spec.parameter,
  from: String(spec.from),
  to: String(spec.to),
  count: String(spec.count),
  log: spec.scale === 'log',
});

/** A field's number; NaN for an empty field (Number('') would be 0). */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
const isNumber = (text: string) => Number.isFinite(numberOf(text));

/** The spec the draft asks for; null while a field is not a number (checkSweep clamps the rest, with notices). */
function specOf(draft: SweepDraft): SweepSpec | null {
  const [from, to, count] = [draft.from, draft.to, draft.count].map(numberOf);
  if (![from, to, count].every(Number.isFinite)) return null;
  return { parameter: draft.parameter, from, to, count, scale: draft.log ? 'log' : 'linear' };
}

/**
 * What to sweep: a parameter, its range, the number of panels and their spacing. Until edited the
 * form shows the sweep on screen, or else a suggestion for the configuration in effect.
 */
export function SweepForm({ disabled, onRun }: { disabled: boolean; onRun: (spec: SweepSpec) => void }) {
  const config = useExplorerStore((state) => state.config);
  const shown = useExplorerStore((state) => state.sweep?.spec);
  const [edited, setEdited] = useState<SweepDraft | null>(null);
  const draft = edited ?? draftOf(shown ?? defaultSweepFor(config));
  const spec = specOf(draft);
  const range = numberParameters[draft.parameter];
  const edit = (patch: Partial<SweepDraft>) => setEdited({ ...draft, ...patch });

  const chooseParameter = (parameter: SweepParameter) => {
    const { from, to, scale } = sweepRangeFor(parameter, config);
    edit({ parameter, from: String(from), to: String(to), log: scale === 'log' });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (spec && !disabled) onRun(spec);
  };

  return (
    <form className="sweep-form" onSubmit={submit}>
      <label>
        swept parameter{' '}
        <select
          value={draft.parameter}
          onChange={(event) => chooseParameter(event.target.value as SweepParameter)}
        >
          {sweepParameters.map((parameter) => (
            <option key={parameter} value={parameter}>
              {numberParameters[parameter].label}
            </option>
          ))}
        </select>
      </label>
      {(['from', 'to'] as const).map((end) => (
        <label key={end}>
          {end}{' '}
          <input
            type="number"
            step="any"
            min={range.min}
            max={range.max}
            value={draft[end]}
            aria-invalid={!isNumber(draft[end])}
            onChange={(event) => edit({ [end]: event.target.value })}
          />
        </label>
      ))}
      <label>
        panels{' '}
        <input
          type="number"
          step={1}
          min={SWEEP_MIN_PANELS}
          max={SWEEP_MAX_PANELS}
          value={draft.count}
          aria-invalid={!isNumber(draft.count)}
          onChange={(event) => edit({ count: event.target.value })}
        />
      </label>
      <label>
        <input
          type="checkbox"
          checked={draft.log}
          onChange={(event) => edit({ log: event.target.checked })}
        />{' '}
        log spacing
      </label>
      <button type="submit" disabled={disabled || spec === null}>
        Run sweep
      </button>
    </form>
  );
}
