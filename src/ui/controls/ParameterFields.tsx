import { useId } from 'react';
import {
  type BooleanParameterName,
  booleanParameters,
  type NumberParameterName,
  numberParameters,
} from '../../engine/parameters';
import { testIdOf } from './testIds';
import { useParameter } from './useParameter';

/** A number parameter without slider or menu (the seed): applied as typed, when it is a valid value. */
export function NumberField({ name }: { name: NumberParameterName }) {
  const id = useId();
  const [value, setValue] = useParameter(name);
  const parameter = numberParameters[name];
  const integer = parameter.type === 'integer';
  return (
    <div className="control">
      <label htmlFor={id}>{parameter.label}</label>
      <input
        id={id}
        type="number"
        title={parameter.help}
        data-testid={testIdOf(name, 'entry')}
        min={parameter.min}
        step={integer ? 1 : 'any'}
        value={value}
        onChange={(event) => {
          const entered = Number(event.target.value);
          const valid = Number.isFinite(entered) && (!integer || Number.isInteger(entered));
          if (event.target.value !== '' && valid && entered >= parameter.min) setValue(entered);
        }}
      />
    </div>
  );
}

/** An on/off parameter, with its state said beside the label. */
export function ParameterCheckbox({ name }: { name: BooleanParameterName }) {
  const id = useId();
  const [checked, setChecked] = useParameter(name);
  const parameter = booleanParameters[name];
  return (
    <div className="control control-checkbox">
      <input
        id={id}
        type="checkbox"
        title={parameter.help}
        data-testid={testIdOf(name, 'checkbox')}
        checked={checked}
        onChange={(event) => setChecked(event.target.checked)}
      />
      <label htmlFor={id}>
        {parameter.label} <output htmlFor={id}>{checked ? 'on' : 'off'}</output>
      </label>
      {parameter.hint && <small className="control-hint">{parameter.hint}</small>}
    </div>
  );
}
