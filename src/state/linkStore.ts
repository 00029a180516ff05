import { create } from 'zustand';
import type { CsvIdentity } from './urlCodec';

/** What the page learnt from the link it was opened with. */
interface LinkState {
  /** Values the link had that were clamped, replaced or ignored. */
  notices: string[];
  /** The CSV a shared link was made with: the user has to load that file again. */
  linkedCsv: CsvIdentity | null;
  setFromLink(notices: string[], linkedCsv: CsvIdentity | null): void;
}

export const useLinkStore = create<LinkState>((set) => ({
  notices: [],
  linkedCsv: null,
  setFromLink: (notices, linkedCsv) => set({ notices, linkedCsv }),
}));
