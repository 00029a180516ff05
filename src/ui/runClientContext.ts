import { createContext, useContext } from 'react';
import type { RunClient } from '../state/workerClient';

export const RunClientContext = createContext<RunClient | null>(null);

export function useRunClient(): RunClient | null {
  return useContext(RunClientContext);
}
