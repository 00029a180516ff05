/**
 * Helper threads for parallel epochs in Node (tests and `npm run bench`): worker_threads running
 * shardThreadEntry.ts, bundled once by Vite since Node 20 cannot load TypeScript in a worker. The
 * browser's counterpart is workers/shard.worker.ts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'vite';
import type { ShardAssignment } from '../optimizer/parallelOptimizer';

export interface NodeShardThreads {
  /** Hands a shard to the next thread (round robin); pass as createParallelOptimizer's startHelper. */
  startHelper(assignment: ShardAssignment): void;
  close(): Promise<void>;
}

async function bundleEntry(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'umap-shard-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: fileURLToPath(new URL('./shardThreadEntry.ts', import.meta.url)),
      outDir,
      rollupOptions: { output: { format: 'es', entryFileNames: 'shardThread.mjs' } },
    },
  });
  return join(outDir, 'shardThread.mjs');
}

/** `count` booted helper threads. */
export async function startNodeShardThreads(count: number): Promise<NodeShardThreads> {
  const entry = await bundleEntry();
  const workers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Worker>((resolve, reject) => {
          const worker = new Worker(entry);
          worker.once('message', () => resolve(worker));
          worker.once('error', reject);
        }),
    ),
  );
  let next = 0;
  return {
    startHelper(assignment) {
      workers[next].postMessage(assignment);
      next = (next + 1) % workers.length;
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
