import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { sampleBrowserMemory } from './support/browserMemory';
import {
  busiestTask,
  mainThreadTasks,
  mainThreadTraceCategories,
  pageWorkMs,
} from './support/mainThreadTrace';

/** Long enough for several streamed frames and loss evaluations at n = 200 000. */
const PLAY_MS = 15_000;

/**
 * Issue 15, item 3: the ring and the blobs at n = 200 000 (NN-descent, far-field losses) build and run in the
 * browser with the main thread free, and the scatter redraws a streamed frame of 200 000 points
 * within 8 ms of main-thread time. Measured in a Chromium trace; the numbers are printed for the
 * README's performance table.
 */
for (const dataset of ['ring', 'blobs']) {
  test(`${dataset}, 200 000 points: builds and runs without a main-thread task over 50 ms; a frame draws in ≤ 8 ms`, async ({
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(420_000);
    // The browser's processes: the page, its workers, the GPU process that rasterises the canvas.
    const memory = sampleBrowserMemory();
    await page.goto(`/#v=1&ds=${dataset}&n=200000&epochs=200`);
    const confirm = page
      .getByRole('region', { name: 'Confirm a large run' })
      .getByRole('button', { name: 'Run n = 200,000' });
    // Traced from the confirmation on: the build and the run, not the app's first mount.
    await confirm.waitFor();
    const tracePath = testInfo.outputPath('trace.json');
    await browser.startTracing(page, { path: tracePath, categories: mainThreadTraceCategories });
    const startedAt = Date.now();
    await confirm.click();
    // Plain waits, not polls: a poll's own evaluations would be main-thread tasks in the trace.
    await page.getByTestId('epoch').filter({ hasText: '0 / 200' }).waitFor({ timeout: 240_000 });
    const builtMs = Date.now() - startedAt;
    await expect(page.getByTestId('n')).toHaveText('200,000');

    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(PLAY_MS);
    await page.getByRole('button', { name: 'Pause' }).click();
    await browser.stopTracing();

    const scatter = page.getByRole('img', { name: 'Scatter plot of the points' });
    const epochDrawn = Number(await scatter.getAttribute('data-epoch'));
    const draws = await page.evaluate(() =>
      performance.getEntriesByName('scatter-draw').map((entry) => entry.duration),
    );
    const { peakMb, samples } = memory.stop();
    const tasks = mainThreadTasks(JSON.parse(await readFile(tracePath, 'utf8')));
    const busiest = busiestTask(tasks);
    const longest = tasks.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
    const sorted = [...draws].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(
      `n = 200 000 ${dataset}: built in ${(builtMs / 1000).toFixed(1)} s; epoch ${epochDrawn} drawn after ${PLAY_MS / 1000} s of play; ` +
        `${draws.length} frames drawn, draw median ${median.toFixed(2)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms; ` +
        `${tasks.length} main-thread tasks, longest page work ${pageWorkMs(busiest).toFixed(1)} ms of CPU ` +
        `(${busiest.durationMs.toFixed(1)} ms wall, ${busiest.gpuWaitMs.toFixed(1)} ms of it waiting on the GPU process; ${(busiest.startMs / 1000).toFixed(1)} s into the trace); ` +
        `longest task ${longest.durationMs.toFixed(0)} ms of which ${longest.gpuWaitMs.toFixed(0)} ms waiting on the software rasteriser; ` +
        `peak memory of the browser's processes ${peakMb.toFixed(0)} MB (PSS, ${samples} samples)`,
    );
    expect(epochDrawn).toBeGreaterThan(0);
    expect(draws.length).toBeGreaterThan(5);
    expect(median).toBeLessThanOrEqual(8);
    expect(pageWorkMs(busiest)).toBeLessThanOrEqual(50);
    expect(peakMb).toBeGreaterThan(0);
  });
}
