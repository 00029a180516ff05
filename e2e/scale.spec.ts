import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { mainThreadTasks, mainThreadTraceCategories } from './support/mainThreadTrace';

interface MemoryProbe {
  peakBytes: number;
  samples: number;
}

/**
 * Issue 15, item 3: the ring at n = 200 000 (NN-descent, far-field losses) builds and runs in the
 * browser with the main thread free, and the scatter redraws a streamed frame of 200 000 points
 * within 8 ms of main-thread time. Measured in a Chromium trace; the numbers are printed for the
 * README's performance table.
 */
test('200 000 points build and run without a main-thread task over 50 ms; a frame draws in ≤ 8 ms', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(420_000);
  // The page and its workers' memory (the app is cross-origin isolated, so the browser reports it).
  await page.addInitScript(() => {
    const probe: MemoryProbe = { peakBytes: 0, samples: 0 };
    (window as unknown as { memoryProbe: MemoryProbe }).memoryProbe = probe;
    const measure = (
      performance as unknown as { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }> }
    ).measureUserAgentSpecificMemory;
    const sample = async () => {
      if (!measure || !crossOriginIsolated) return;
      const { bytes } = await measure.call(performance);
      probe.peakBytes = Math.max(probe.peakBytes, bytes);
      probe.samples += 1;
      setTimeout(sample, 1000);
    };
    void sample();
  });
  await page.goto('/#v=1&ds=ring&n=200000&epochs=200');
  const tracePath = testInfo.outputPath('trace.json');
  await browser.startTracing(page, { path: tracePath, categories: mainThreadTraceCategories });
  const startedAt = Date.now();
  await page
    .getByRole('region', { name: 'Confirm a large run' })
    .getByRole('button', { name: 'Run n = 200,000' })
    .click();
  // Plain waits, not polls: a poll's own evaluations would be main-thread tasks in the trace.
  await page.getByTestId('epoch').filter({ hasText: '0 / 200' }).waitFor({ timeout: 240_000 });
  const builtMs = Date.now() - startedAt;
  await expect(page.getByTestId('n')).toHaveText('200,000');

  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(20_000);
  await page.getByRole('button', { name: 'Pause' }).click();
  await browser.stopTracing();

  const scatter = page.getByRole('img', { name: 'Scatter plot of the points' });
  const epochDrawn = Number(await scatter.getAttribute('data-epoch'));
  const { draws, memory } = await page.evaluate(() => ({
    draws: performance.getEntriesByName('scatter-draw').map((entry) => entry.duration),
    memory: (window as unknown as { memoryProbe: MemoryProbe }).memoryProbe,
  }));
  const tasks = mainThreadTasks(JSON.parse(await readFile(tracePath, 'utf8')));
  const ownWork = tasks.map((task) => task.durationMs - task.gpuWaitMs);
  const longest = tasks.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
  const sorted = [...draws].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(
    `n = 200 000 ring: built in ${(builtMs / 1000).toFixed(1)} s; epoch ${epochDrawn} drawn after 20 s of play; ` +
      `${draws.length} frames drawn, draw median ${median.toFixed(2)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms; ` +
      `${tasks.length} main-thread tasks, longest page work ${Math.max(...ownWork).toFixed(1)} ms; ` +
      `longest task ${longest.durationMs.toFixed(0)} ms of which ${longest.gpuWaitMs.toFixed(0)} ms waiting on the software rasteriser; ` +
      `peak memory (page + workers) ${(memory.peakBytes / 2 ** 20).toFixed(0)} MB over ${memory.samples} samples`,
  );
  expect(epochDrawn).toBeGreaterThan(0);
  expect(draws.length).toBeGreaterThan(5);
  expect(median).toBeLessThanOrEqual(8);
  expect(Math.max(...ownWork)).toBeLessThanOrEqual(50);
  expect(memory.samples).toBeGreaterThan(0);
});
