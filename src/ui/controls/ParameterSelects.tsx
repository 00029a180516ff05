import type { ReactNode } from 'react';
import type { ExplorerConfig } from '../../engine/config';
import {
  type ChoiceParameterName,
  choiceParameters,
  type NumberParameterName,
  numberParameters,
} from '../../engine/parameters';
import { useExplorerStore } from '../../state/store';
import { formatInteger } from '../format';
import { Select, withValue } from './Select';
import { testIdOf } from './testIds';
import { useParameter } from './useParameter';

/**
 * A choice parameter's menu, its values labelled as the registry says. `hidden` values are left
 * out unless in effect, `disabled` ones shown but not selectable; `onChange` replaces the plain
 * setting of the value where choosing one changes more.
 */
export function ChoiceSelect<K extends ChoiceParameterName>({
  name,
  hidden = [],
  disabled = [],
  hint,
  onChange,
}: {
  name: K;
  hidden?: readonly ExplorerConfig[K][];
  disabled?: readonly ExplorerConfig[K][];
  hint?: ReactNode;
  onChange?: (value: ExplorerConfig[K]) => void;
}) {
  const [value, setValue] = useParameter(name);
  const parameter = choiceParameters[name];
  const choices = parameter.values
    .filter((choice) => choice === value || !hidden.includes(choice))
    .map((choice) => ({
      value: choice,
      label: parameter.choices[choice],
      disabled: disabled.includes(choice),
    }));
  return (
    <Select
      label={parameter.label}
      help={parameter.help}
      value={value}
      choices={choices}
      onChange={onChange ?? setValue}
      hint={hint ?? parameter.hint}
      testId={testIdOf(name, 'select')}
    />
  );
}

/** A number parameter's menu (registry: `menu`), which also shows a value in effect that is off it. */
export function MenuSelect({
  name,
  optionLabel = formatInteger,
}: {
  name: NumberParameterName;
  optionLabel?: (value: number) => string;
}) {
  const [value, setValue] = useParameter(name);
  const config = useExplorerStore((state) => state.config);
  const parameter = numberParameters[name];
  const menu = (parameter.menu?.(config) ?? []).map((option) => ({
    value: option,
    label: optionLabel(option),
  }));
  return (
    <Select
      label={parameter.label}
      help={parameter.help}
      value={value}
      choices={withValue(menu, value, optionLabel(value))}
      onChange={setValue}
      hint={parameter.hint}
      testId={testIdOf(name, 'select')}
    />
  );
}
