import type { ExplorerConfig } from '../../engine/config';
import { type ParameterName, withParameter } from '../../engine/parameters';
import { useExplorerStore } from '../../state/store';
import { useRunClient } from '../runClientContext';

/** Asks for a changed configuration: `change` maps the one last asked for (the store's) to the next. */
export function useConfigure(): (change: (config: ExplorerConfig) => ExplorerConfig) => void {
  const client = useRunClient();
  return (change) => void client?.configure(change(useExplorerStore.getState().config));
}

/** A parameter's value as the controls show it, and a setter that asks for the run with it changed. */
export function useParameter<K extends ParameterName>(
  name: K,
): [ExplorerConfig[K], (value: ExplorerConfig[K]) => void] {
  const value = useExplorerStore((state) => state.config[name]);
  const configure = useConfigure();
  return [value, (next) => configure((config) => withParameter(config, name, next))];
}
