import { expect, test } from '@playwright/test';

test('the default paper ring graph has mean degree 5.83, as umap-learn', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('mean-degree')).toHaveText('5.83', { timeout: 30_000 });
  await expect(page.getByTestId('n')).toHaveText('1,000');
  await expect(page.getByTestId('k')).toHaveText('15');
  // umap-learn's graph for the seed-3 ring stores 16 524 entries; pruned at max/500 for 500 epochs
  // (as umap-learn does before optimizing) 16 506 remain: 8 253 undirected edges.
  await expect(page.getByTestId('edges')).toHaveText('8,253');
  await expect(page.getByRole('img', { name: 'Scatter plot of the points' })).toBeVisible();
});
