import { useId } from 'react';
import { type NumberParameterName, numberParameters } from '../../engine/parameters';
import { formatThreeDigits } from '../format';
import { NumberEntry } from './NumberEntry';
import { testIdOf } from './testIds';
import { useParameter } from './useParameter';

/**
 * A number parameter's slider with the exact value beside it (registry: `slider`); its track widens
 * to take any value the parameter allows. Live parameters say so under it.
 */
export function ParameterSlider({
  name,
  testId = testIdOf(name, 'slider'),
}: {
  name: NumberParameterName;
  testId?: string;
}) {
  const id = useId();
  const [value, setValue] = useParameter(name);
  const parameter = numberParameters[name];
  const track = parameter.slider ?? parameter;
  const hint = parameter.effect === 'live' ? 'applies live' : parameter.hint;
  const step = parameter.slider?.step ?? 1;
  // A fractional step sums to values like 0.30000000000000004: read out to three digits.
  const display = step < 1 ? formatThreeDigits(value) : String(value);
  return (
    <div className="control">
      <label htmlFor={id}>{parameter.label}</label>
      <div className="slider-row">
        <input
          id={id}
          type="range"
          title={parameter.help}
          min={Math.min(track.min, value)}
          max={Math.max(track.max, value)}
          step={step}
          value={value}
          data-testid={testId}
          aria-valuetext={display}
          onChange={(event) => setValue(Number(event.target.value))}
        />
        <NumberEntry value={value} parameter={parameter} onCommit={setValue} />
      </div>
      {hint && <small className="control-hint">{hint}</small>}
    </div>
  );
}
