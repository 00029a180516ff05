import { expect, test } from '@playwright/test';

// The main view at a desktop size; these baselines are also the README's images, so nothing is
// masked. What depends on timing (the speed readout, the evaluation cadence and so the sample points
// of the purported/effective curves) changes far fewer pixels than the 2 % tolerance.

test.use({ viewport: { width: 1440, height: 900 } });

test('main view: the paper ring before optimizing', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('mean-degree')).toHaveText('5.83', { timeout: 30_000 });
  await expect(page.getByRole('img', { name: 'Scatter plot of the points' })).toHaveAttribute(
    'data-epoch',
    '0',
  );
  await expect(page).toHaveScreenshot('main-view.png');
});

test('main view: the ring contracted after 500 epochs (Fig. 1b, umap-learn defaults)', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('mean-degree')).toHaveText('5.83', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('epoch')).toHaveText('500 / 500', { timeout: 60_000 });
  await expect(page.getByRole('img', { name: 'Scatter plot of the points' })).toHaveAttribute(
    'data-epoch',
    '500',
  );
  await expect(page).toHaveScreenshot('ring-500-epochs.png');
});

test('Fig. 4 preset: the claim card beside the histograms, with its verdicts', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('mean-degree')).toHaveText('5.83', { timeout: 30_000 });
  await page.getByRole('button', { name: /^Fig\. 4/ }).click();
  await expect(page.getByTestId('epoch')).toHaveText('500 / 500', { timeout: 60_000 });
  const card = page.getByRole('note');
  await expect(card).toHaveAttribute('data-status', 'done');
  await expect(card.locator('[data-claim="nu-follows-target"]')).toHaveAttribute(
    'data-verdict',
    'reproduced',
  );
  await expect(page.getByRole('img', { name: 'Scatter plot of the points' })).toHaveAttribute(
    'data-epoch',
    '500',
  );
  await expect(page).toHaveScreenshot('fig4-claim-card.png');
});

test('the layout fits a 1280 × 720 window without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await expect(page.getByTestId('mean-degree')).toHaveText('5.83', { timeout: 30_000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole('img', { name: 'Scatter plot of the points' })).toBeInViewport();
  await expect(page.getByRole('img', { name: 'Loss curves' })).toBeInViewport();
  await expect(page.getByRole('region', { name: 'Paper presets' })).toBeInViewport({ ratio: 1 });
});

test('ICLR 2023 preset: the NEG spectrum on MNIST as small multiples, with its metrics and claim card', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByTestId('mean-degree')).toHaveText('5.83', { timeout: 30_000 });
  await page.getByRole('button', { name: /^ICLR 2023 NEG spectrum/ }).click();
  await expect(page.getByTestId('claim-spectrum-recall-verdict')).toHaveText('reproduced', {
    timeout: 100_000,
  });
  const sweep = page.getByRole('region', { name: 'Parameter sweep' });
  await sweep.scrollIntoViewIfNeeded();
  // Wall-clock times (the elapsed time, each panel's seconds) vary run to run; the panels do not.
  // Masked in the page's own white, so the README's copy shows no boxes.
  await expect(sweep).toHaveScreenshot('sweep-spectrum.png', {
    mask: [sweep.getByTestId('sweep-elapsed'), sweep.locator('td[data-column="seconds"]')],
    maskColor: '#ffffff',
  });
});
