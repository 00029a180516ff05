import { expect, type Page, test } from '@playwright/test';

interface Recorded {
  renders: { runId: number; epoch: number; at: number }[];
  changedAt: number;
}

/**
 * Records every (run id, epoch) the scatter renders, from the canvas's data attributes, and the
 * moment the k slider changes (in the page's clock, so test-driver latency does not count).
 */
async function recordRenders(page: Page) {
  await page.evaluate(() => {
    const canvas = document.querySelector('canvas[data-run-id]');
    const slider = document.querySelector('[data-testid=k-slider]');
    if (!canvas || !slider) throw new Error('no scatter or k slider yet');
    const recorded: Recorded = { renders: [], changedAt: Number.POSITIVE_INFINITY };
    (window as unknown as { recorded: Recorded }).recorded = recorded;
    slider.addEventListener('input', () => {
      recorded.changedAt = Math.min(recorded.changedAt, performance.now());
    });
    const renders = recorded.renders;
    new MutationObserver(() =>
      renders.push({
        runId: Number(canvas.getAttribute('data-run-id')),
        epoch: Number(canvas.getAttribute('data-epoch')),
        at: performance.now(),
      }),
    ).observe(canvas, { attributes: true, attributeFilter: ['data-run-id', 'data-epoch'] });
  });
}

test('changing k mid-run restarts it and never renders a frame of the old run afterwards', async ({
  page,
}) => {
  await page.goto('/');
  const scatter = page.getByRole('img', { name: 'Scatter plot of the points' });
  await expect(scatter).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await scatter.getAttribute('data-epoch'))).toBeGreaterThan(20);
  const oldRunId = Number(await scatter.getAttribute('data-run-id'));
  await recordRenders(page);

  await page.getByTestId('k-slider').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('k-slider')).toHaveValue('16');
  await expect.poll(async () => Number(await scatter.getAttribute('data-run-id'))).toBeGreaterThan(oldRunId);
  await page.waitForTimeout(500);

  const { renders, changedAt } = await page.evaluate(
    () => (window as unknown as { recorded: Recorded }).recorded,
  );
  const afterChange = renders.filter((render) => render.at > changedAt);
  expect(afterChange.length).toBeGreaterThan(0);
  expect(afterChange.filter((render) => render.runId <= oldRunId)).toEqual([]);
});

test('a 10 000-epoch run of the paper ring leaves the main thread free (no long task > 50 ms)', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await expect(page.getByRole('img', { name: 'Scatter plot of the points' })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByLabel('epochs').selectOption('10000');
  await expect(page.getByTestId('epoch')).toHaveText('0 / 10,000');
  await page.evaluate(() => {
    const longTasks: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = longTasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('epoch')).toHaveText('10,000 / 10,000', { timeout: 170_000 });
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  expect(longTasks.filter((duration) => duration > 50)).toEqual([]);
  const speed = await page.getByTestId('speed').textContent();
  console.log(`browser speed on the n = 1000 ring: ${speed}`);
});
