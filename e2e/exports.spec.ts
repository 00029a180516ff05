import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Clicks an export button and returns the downloaded file's name and bytes. */
async function download(page: Page, button: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

const lines = (bytes: Buffer) => bytes.toString('utf8').trimEnd().split('\n');

test('every export of a short run downloads with its content', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('/');
  await expect(page.getByRole('img', { name: 'Scatter plot of the points' })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Step 10', exact: true }).click();
  await expect(page.getByTestId('epoch')).toHaveText(/^10 \//, { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Histograms CSV' })).toBeEnabled({ timeout: 30_000 });

  const embedding = await download(page, 'Embedding CSV');
  expect(embedding.name).toBe('umap-ring-n1000-seed3-embedding.csv');
  const rows = lines(embedding.bytes);
  expect(rows[0]).toBe('x,y');
  expect(rows).toHaveLength(1 + 1000);
  expect(rows.slice(1).every((row) => row.split(',').every((cell) => Number.isFinite(Number(cell))))).toBe(
    true,
  );

  const losses = lines((await download(page, 'Loss history CSV')).bytes);
  expect(losses[0]).toBe(
    'epoch,actual_attractive,actual_repulsive,actual_total,purported_attractive,purported_repulsive,purported_total,effective_attractive,effective_repulsive,effective_total',
  );
  expect(losses.length).toBeGreaterThanOrEqual(1 + 10);
  // Every row is an epoch with the ten columns; the purported loss is filled in at least once.
  expect(losses.slice(1).every((row) => row.split(',').length === 10)).toBe(true);
  expect(losses.slice(1).some((row) => Number(row.split(',')[6]) > 0)).toBe(true);

  const histograms = lines((await download(page, 'Histograms CSV')).bytes);
  expect(histograms[0]).toBe('bin_left,bin_right,mu,nu_star,nu');
  expect(histograms).toHaveLength(1 + 100);
  expect(histograms[1].startsWith('0,0.01,')).toBe(true);

  const png = await download(page, 'Scatter PNG');
  expect(png.name).toBe('umap-ring-n1000-seed3-scatter.png');
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  for (const [button, file] of [
    ['Loss curves SVG', 'umap-ring-n1000-seed3-loss-curves.svg'],
    ['Histograms SVG', 'umap-ring-n1000-seed3-histograms.svg'],
  ]) {
    const svg = await download(page, button);
    expect(svg.name).toBe(file);
    const text = svg.bytes.toString('utf8');
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toMatch(/<path [^>]*d="M/);
  }

  await page.getByRole('button', { name: 'Copy as umap-learn Python' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'copied' })).toBeVisible();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  expect(snippet).toContain('    n_neighbors=15,');
  expect(snippet).toContain('    random_state=3,');
  expect(snippet).toContain('X = get_ring(1000)');
});

test('without a clipboard the Python script is shown to copy by hand', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'Step 10', exact: true }).click();
  await expect(page.getByTestId('epoch')).toHaveText(/^10 \//, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Copy as umap-learn Python' }).click();
  const script = page.getByRole('textbox', { name: 'Python script' });
  await expect(script).toBeVisible();
  await expect(script).toHaveValue(/ {4}n_neighbors=15,\n/);
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(script).toBeHidden();
});
