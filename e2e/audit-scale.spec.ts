import { readFile, writeFile } from 'node:fs/promises';
import { expect, type TestInfo, test } from '@playwright/test';
import { writeScipyNpz } from '../src/engine/import/scipyNpzWriter';
import { syntheticUmapGraph, syntheticUmapLayout } from '../src/engine/import/syntheticUmap';
import { sampleBrowserMemory } from './support/browserMemory';
import {
  busiestTask,
  mainThreadTasks,
  mainThreadTraceCategories,
  pageWorkMs,
} from './support/mainThreadTrace';

const N = 200_000;

/**
 * A UMAP-shaped graph of N points as .npz and its layout as CSV, written to the test's folder: files
 * on disk, not buffers (Playwright turns a buffer into a File by script in the page itself, seconds
 * of main-thread work at 34 MB, where a user's chosen file costs the page nothing).
 */
async function writeUmapFiles(testInfo: TestInfo) {
  const graph = syntheticUmapGraph(N, 8);
  const layout = syntheticUmapLayout(N);
  const rows = Array.from({ length: N }, (_, i) => `${layout[2 * i]},${layout[2 * i + 1]}`);
  const files = [testInfo.outputPath('graph.npz'), testInfo.outputPath('umap.csv')];
  await writeFile(files[0], writeScipyNpz(graph));
  await writeFile(files[1], `x,y\n${rows.join('\n')}`);
  return { files, entries: graph.rowPtr[N] };
}

/**
 * Issue 17, item 4: a UMAP of 200 000 points with 3.2 M graph entries (written here by our own .npz
 * writer, with its layout as a CSV; not committed) is read and audited in the worker with the main
 * thread free: no task of the page's own over 50 ms, from choosing the files to the drawn audit.
 */
test('an audit of 200 000 points: read and audited in the worker, no main-thread task over 50 ms', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const { files, entries } = await writeUmapFiles(testInfo);
  const memory = sampleBrowserMemory();
  await page.goto('/#v=1&n=300&epochs=100');
  await expect(page.getByTestId('n')).toHaveText('300', { timeout: 30_000 });
  const region = page.getByRole('region', { name: 'Audit your own UMAP' });
  const tracePath = testInfo.outputPath('trace.json');
  await browser.startTracing(page, { path: tracePath, categories: mainThreadTraceCategories });
  const startedAt = Date.now();
  await region.getByLabel('UMAP files').setInputFiles(files);
  // Plain waits, not polls: a poll's evaluations would be main-thread tasks in the trace. The
  // status names each step while the worker computes (seconds each at this size).
  await region
    .getByRole('status')
    .filter({ hasText: /step 3 of 5: the losses of your layout$/ })
    .waitFor({ timeout: 120_000 });
  await region
    .getByRole('status')
    .filter({ hasText: /^Audited / })
    .waitFor({ timeout: 180_000 });
  await region.getByRole('img', { name: /^Your layout: 200,000 points/ }).waitFor();
  const auditedMs = Date.now() - startedAt;
  await browser.stopTracing();
  const status = (await region.getByRole('status').textContent()) ?? '';
  const workerSeconds = Number(/in ([\d.]+) s/.exec(status)?.[1]);
  const { peakMb, samples } = memory.stop();
  const tasks = mainThreadTasks(JSON.parse(await readFile(tracePath, 'utf8')));
  const busiest = busiestTask(tasks);
  console.log(
    `audit of n = 200 000 (${(entries / 1e6).toFixed(1)} M entries): ${status} ` +
      `(${(auditedMs / 1000).toFixed(1)} s from choosing the files to the drawn audit); ${tasks.length} main-thread tasks, ` +
      `longest page work ${pageWorkMs(busiest).toFixed(1)} ms of CPU (${busiest.durationMs.toFixed(1)} ms wall, ${busiest.gpuWaitMs.toFixed(1)} ms of it waiting on the GPU process); peak memory of the browser's processes ${peakMb.toFixed(0)} MB (PSS, ${samples} samples)`,
  );
  await expect(region.getByTestId('audit-n')).toHaveText('200,000');
  await expect(region).toContainText('far-field');
  expect(workerSeconds).toBeLessThanOrEqual(30);
  expect(pageWorkMs(busiest)).toBeLessThanOrEqual(50);
  expect(peakMb).toBeGreaterThan(0);
});

test('an audit of 200 000 points can be cancelled between its steps; the run goes on and the next files are audited', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const { files } = await writeUmapFiles(testInfo);
  await page.goto('/#v=1&n=300&epochs=100000');
  await expect(page.getByTestId('n')).toHaveText('300', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Play' }).click();
  const region = page.getByRole('region', { name: 'Audit your own UMAP' });
  await region.getByLabel('UMAP files').setInputFiles(files);
  await expect(region.getByRole('status')).toContainText('step 3 of 5: the losses of your layout', {
    timeout: 120_000,
  });
  await region.getByRole('button', { name: 'Cancel the audit' }).click();
  await expect(region.getByRole('status')).toHaveText('Audit cancelled.', { timeout: 30_000 });
  await expect(region.getByRole('img', { name: /^Your layout/ })).toHaveCount(0);
  // The run was paused by the audit's computing only: it goes on.
  const epochText = async () => (await page.getByTestId('epoch').textContent()) ?? '';
  const before = await epochText();
  await expect.poll(epochText, { timeout: 30_000 }).not.toBe(before);
  // Small files next: audited as usual after the cancelled one.
  await region.getByLabel('UMAP files').setInputFiles(['src/engine/import/fixtures/digits.h5ad']);
  await expect(region.getByRole('status')).toHaveText(/^Audited digits\.h5ad in/, { timeout: 60_000 });
});
