import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';

async function runEpochs(page: Page, tens: number) {
  for (let i = 0; i < tens; i++) {
    await page.getByRole('button', { name: 'Step 10', exact: true }).click();
    await expect(page.getByTestId('epoch')).toHaveText(new RegExp(`^${10 * (i + 1)} /`));
  }
  return page.locator('[data-embedding-hash]').getAttribute('data-embedding-hash');
}

test('a copied link opens the identical run: same embedding after the same epochs', async ({ browser }) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(
    '/#v=1&ds=ring&n=600&seed=5&k=12&m=4&sim=umap&init=data&epochs=300&lr=1&md=0.1&push=0&sampling=umap',
  );
  await expect(page.getByTestId('k-slider')).toHaveValue('12');
  await expect(page.getByTestId('n')).toHaveText('600');
  const original = await runEpochs(page, 2);

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('seed=5');

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('k-slider')).toHaveValue('12');
  expect(await runEpochs(other, 2)).toBe(original);
  await context.close();
});

test('back and forward navigate between configurations', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('mean-degree')).toHaveText('5.83', { timeout: 30_000 });
  await page.getByTestId('k-slider').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/k=16/);
  // Another adjustment, after a pause: an entry of its own.
  await page.waitForTimeout(1_500);
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/k=17/);
  await page.goBack();
  await expect(page.getByTestId('k-slider')).toHaveValue('16');
  await expect(page.getByTestId('k')).toHaveText('16');
  await page.goForward();
  await expect(page.getByTestId('k')).toHaveText('17');
});

test('one quick slider adjustment is one history entry: one Back undoes it', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('mean-degree')).toHaveText('5.83', { timeout: 30_000 });
  await page.getByTestId('k-slider').focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/k=20/);
  await expect(page.getByTestId('k')).toHaveText('20');
  await page.goBack();
  await expect(page.getByTestId('k-slider')).toHaveValue('15');
  await expect(page.getByTestId('k')).toHaveText('15');
});

test('a hostile link is clamped and said so, never executed', async ({ page }) => {
  await page.goto('/#v=1&n=-5&k=1000000000&sim=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&bogus=1');
  const notices = page.getByRole('list', { name: 'Link notices' });
  await expect(notices).toContainText('points n = -5 is outside 20–200,000; using 20.');
  await expect(notices).toContainText('neighbours k = 1000000000 is outside 2–50; using 50.');
  await expect(notices).toContainText('Ignored the unknown setting "bogus"');
  await expect(notices).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});

test('a CSV run’s link asks for its file, reproduces the run with it and detects a different file', async ({
  page,
}) => {
  const fixtures = 'src/engine/csv/fixtures/';
  const bytes = readFileSync(`${fixtures}good_three_clusters.csv`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await page.goto(`/#v=1&ds=csv&csv=good_three_clusters.csv&sha=${sha256}&k=10&seed=7`);
  await expect(page.getByRole('note').filter({ hasText: 'good_three_clusters.csv' })).toBeVisible();
  await expect(page.getByTestId('n')).toHaveText('1,000', { timeout: 30_000 }); // the ring, meanwhile

  const panel = page.getByRole('region', { name: 'Your CSV' });
  await panel.getByLabel('Load CSV').setInputFiles(`${fixtures}good_three_clusters.csv`);
  await panel.getByRole('button', { name: 'Embed' }).click();
  await expect(page.getByTestId('n')).toHaveText('300', { timeout: 30_000 });
  await expect(page.getByTestId('k-slider')).toHaveValue('10');
  await expect(page).toHaveURL(new RegExp(`sha=${sha256}`));

  await panel.getByLabel('Load CSV').setInputFiles(`${fixtures}good_label.csv`);
  await panel.getByRole('button', { name: 'Embed' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'is not the one this link was made with' }),
  ).toBeVisible();
});
