import { create } from 'zustand';
import type { GraphPreview } from '../engine/graphPreview';

export type Status =
  | { kind: 'idle' }
  | { kind: 'working'; what: string }
  | { kind: 'error'; message: string };

interface ExplorerState {
  status: Status;
  preview: GraphPreview | null;
  setStatus(status: Status): void;
  setPreview(preview: GraphPreview): void;
}

export const useExplorerStore = create<ExplorerState>((set) => ({
  status: { kind: 'idle' },
  preview: null,
  setStatus: (status) => set({ status }),
  setPreview: (preview) => set({ preview, status: { kind: 'idle' } }),
}));
