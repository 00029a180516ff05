import { expect, type Page, test } from '@playwright/test';

// Small runs keep each sweep to a few seconds: 300 ring points, 100 epochs per panel.
const SMALL_RING = 'v=1&n=300&epochs=100';

const sweepRegion = (page: Page) => page.getByRole('region', { name: 'Parameter sweep' });

async function waitForRing(page: Page) {
  await expect(page.getByTestId('n')).toHaveText('300', { timeout: 30_000 });
  await expect(page.getByRole('img', { name: 'Scatter plot of the points' })).toBeVisible();
}

test('a sweep run from the form shows its panels and measures, and the link carries it', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`/#${SMALL_RING}`);
  await waitForRing(page);

  const region = sweepRegion(page);
  await region.getByLabel('swept parameter').selectOption({ label: 'negative samples m' });
  await region.getByLabel('from', { exact: true }).fill('1');
  await region.getByLabel('to', { exact: true }).fill('9');
  await region.getByLabel('panels', { exact: true }).fill('3');
  await region.getByLabel('log spacing').uncheck();
  await region.getByRole('button', { name: 'Run sweep' }).click();

  const panels = region.getByRole('img', { name: /^Sweep panel: m = / });
  await expect(panels).toHaveCount(3, { timeout: 90_000 });
  for (const [index, m] of [1, 5, 9].entries()) {
    await expect(panels.nth(index)).toHaveAccessibleName(
      new RegExp(`^Sweep panel: m = ${m}, 10-NN recall 0\\.\\d+$`),
    );
  }
  const table = region.getByRole('table', { name: 'Sweep metrics' });
  await expect(table.locator('tbody tr')).toHaveCount(3);
  for (let index = 0; index < 3; index++) {
    const recall = Number(
      await region.getByTestId(`sweep-metric-knnRecall10-${index}`).getAttribute('data-value'),
    );
    expect(recall).toBeGreaterThan(0);
    expect(recall).toBeLessThanOrEqual(1);
  }
  await expect(region.getByRole('img', { name: '10-NN recall against negative samples m' })).toBeVisible();
  await expect(region.getByRole('button', { name: 'Run sweep' })).toBeEnabled();
  await expect(page).toHaveURL(/sweep=m%3A1%3A9%3A3(&|$)/);

  // Closing the view takes the sweep out of the link again.
  await region.getByRole('button', { name: 'Close' }).click();
  await expect(panels).toHaveCount(0);
  await expect(page).not.toHaveURL(/sweep=/);
});

test('a link with a sweep runs it by itself, as the sender saw it', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`/#${SMALL_RING}&loss=neg&sweep=s:0:1:3`);
  await waitForRing(page);

  const region = sweepRegion(page);
  const titles = region.locator('.sweep-cell-title');
  await expect(titles).toHaveText(['s = 0', 's = 0.5', 's = 1']);
  const panels = region.getByRole('img', { name: /^Sweep panel: s = / });
  await expect(panels).toHaveCount(3, { timeout: 90_000 });
  for (const [index, s] of ['0', '0.5', '1'].entries()) {
    await expect(panels.nth(index)).toHaveAccessibleName(new RegExp(`^Sweep panel: s = ${s}, `));
  }
  await expect(region.getByRole('table', { name: 'Sweep metrics' }).locator('tbody tr')).toHaveCount(3);
  // The form shows the sweep the link asked for.
  await expect(region.getByLabel('swept parameter')).toHaveValue('spectrum');
  await expect(page).toHaveURL(/sweep=s%3A0%3A1%3A3(&|$)/);
});

test('a bad sweep in a link is a notice, and the page still runs', async ({ page }) => {
  await page.goto(`/#${SMALL_RING}&sweep=zz:0:1:3`);
  await expect(page.getByRole('list', { name: 'Link notices' })).toContainText(
    'sweeps step one of s, rho, m, n, k, not "zz". Showing the single run.',
  );
  await waitForRing(page);
  await page.getByRole('button', { name: 'Step 10', exact: true }).click();
  await expect(page.getByTestId('epoch')).toHaveText(/^10 \//);
  const region = sweepRegion(page);
  await expect(region.getByRole('button', { name: 'Run sweep' })).toBeEnabled();
  await expect(region.getByRole('img', { name: /^Sweep panel/ })).toHaveCount(0);
});
