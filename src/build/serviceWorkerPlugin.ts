/**
 * Build-time (Node-only): bundles workers/service.worker.ts as `sw.js` at the root of `dist/` and
 * writes into it the list of every built file and a version derived from their contents, so a
 * new build is a new service worker (and the page can say a new version is available).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';

/** The worker's file name, relative to the app's base URL (src/state/serviceWorker.ts registers it). */
export const SERVICE_WORKER_FILE = 'sw.js';
const PLACEHOLDER = '__PRECACHE_MANIFEST__';

/** Every file under `dir`, as forward-slash paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).replaceAll('\\', '/'));
}

export function serviceWorkerPlugin(): Plugin {
  let publicDir = '';
  return {
    name: 'umap-true-loss:service-worker',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    buildStart() {
      this.emitFile({ type: 'chunk', id: 'workers/service.worker.ts', fileName: SERVICE_WORKER_FILE });
    },
    generateBundle(_options, bundle) {
      const worker = bundle[SERVICE_WORKER_FILE];
      if (worker?.type !== 'chunk' || !worker.code.includes(PLACEHOLDER))
        this.error(`${SERVICE_WORKER_FILE} lost its ${PLACEHOLDER} placeholder`);
      const hash = createHash('sha256');
      const built = Object.values(bundle)
        .filter((file) => file.fileName !== SERVICE_WORKER_FILE)
        .sort((a, b) => a.fileName.localeCompare(b.fileName));
      for (const file of built)
        hash.update(file.fileName).update(file.type === 'chunk' ? file.code : file.source);
      const copied = publicDir ? filesUnder(publicDir).sort() : [];
      for (const file of copied) hash.update(file).update(readFileSync(join(publicDir, file)));
      const files = ['', ...built.map((file) => file.fileName), ...copied];
      const manifest = { version: hash.digest('hex').slice(0, 16), files };
      worker.code = worker.code.replace(PLACEHOLDER, JSON.stringify(manifest));
    },
  };
}
