import { expect, test } from '@playwright/test';

test('compare mode runs A and corrected-sampling B side by side with overlaid losses', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 1400 });
  await page.goto('/');
  await expect(page.getByRole('img', { name: 'Scatter plot of the points' })).toBeVisible({
    timeout: 30_000,
  });

  const toggle = page.getByRole('button', { name: 'Compare', exact: true });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const panel = page.getByTestId('compare-b');
  await panel
    .getByRole('combobox', { name: /B differs from A by/ })
    .selectOption({ label: 'corrected sampling' });
  await panel.getByRole('button', { name: 'Play both' }).click();

  const scatterA = page.getByRole('img', { name: 'Scatter plot of run A' });
  const scatterB = page.getByRole('img', { name: 'Scatter plot of run B' });
  for (const scatter of [scatterA, scatterB]) {
    await expect
      .poll(async () => Number((await scatter.getAttribute('data-epoch')) ?? -1), { timeout: 60_000 })
      .toBeGreaterThanOrEqual(100);
    await expect(scatter).toHaveAttribute('data-run-id', /^\d+$/);
  }
  // One window for both: the same data → pixel scale (both set by one draw: read them together).
  const scales = await page.evaluate(() =>
    ['A', 'B'].map(
      (run) => document.querySelector<HTMLCanvasElement>(`canvas[data-run="${run}"]`)?.dataset.scale,
    ),
  );
  expect(Number(scales[0])).toBeGreaterThan(0);
  expect(scales[0]).toBe(scales[1]);
  await expect(page.getByTestId('compare-label-b')).toContainText('corrected');
  await expect(page.getByTestId('compare-label-a')).toContainText('sampling: umap');

  const chart = page.getByRole('img', { name: 'Compare losses' });
  await expect(chart.locator('path.compare-line')).toHaveCount(4);
  for (const series of ['A effective', 'A actual', 'B effective', 'B actual']) {
    await expect(chart.locator(`path[data-series="${series}"]`)).toHaveAttribute('d', /^M/);
  }
  await page.screenshot({ path: '/tmp/compare.png', fullPage: true });

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('compare-b')).toHaveCount(0);
  await expect(scatterB).toHaveCount(0);
});
