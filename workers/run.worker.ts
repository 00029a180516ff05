import * as Comlink from 'comlink';
import { buildGraphPreview, type GraphPreviewRequest } from '../src/engine/graphPreview';

// Thin entry: the logic lives in src/engine (testable in Node); this file only exposes it.
const api = {
  buildGraphPreview(request: GraphPreviewRequest) {
    const preview = buildGraphPreview(request);
    return Comlink.transfer(preview, [preview.points.buffer, preview.hue.buffer]);
  },
};

export type RunWorkerApi = typeof api;

Comlink.expose(api);
