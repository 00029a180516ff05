import { expect, type Page, test } from '@playwright/test';

const fixtures = new URL('../src/engine/csv/fixtures/', import.meta.url).pathname;
const scatterOf = (page: Page) => page.getByRole('img', { name: 'Scatter plot of the points' });
const panelOf = (page: Page) => page.getByRole('region', { name: 'Your CSV' });

/** Picks a file through the "Load CSV" input and presses Embed once the columns are shown. */
async function loadAndEmbed(page: Page, file: string) {
  const panel = panelOf(page);
  await panel.getByLabel('Load CSV').setInputFiles(`${fixtures}${file}`);
  await panel.getByRole('button', { name: 'Embed' }).click();
}

async function runIdOnceDrawn(page: Page): Promise<string> {
  const scatter = scatterOf(page);
  await expect(scatter).toHaveAttribute('data-run-id', /\d+/, { timeout: 30_000 });
  return (await scatter.getAttribute('data-run-id')) ?? '';
}

test('a CSV with a label column is embedded with its labels in the legend', async ({ page }) => {
  await page.goto('/');
  const ringRun = await runIdOnceDrawn(page);
  const panel = panelOf(page);
  await panel.getByLabel('Load CSV').setInputFiles(`${fixtures}good_three_clusters.csv`);
  // The chooser preselects the five numeric columns and the "cluster" label.
  for (const name of ['f1', 'f2', 'f3', 'f4', 'f5']) await expect(panel.getByLabel(name)).toBeChecked();
  await expect(panel.getByLabel('Label column')).toHaveValue('5');
  await panel.getByRole('button', { name: 'Embed' }).click();

  await expect(panel.getByText('Loaded 300 rows × 5 columns.')).toBeVisible();
  await expect.poll(() => scatterOf(page).getAttribute('data-run-id')).not.toBe(ringRun);
  await expect(page.getByTestId('n')).toHaveText('300');
  await expect(page.getByTestId('edges')).toHaveText(/^[1-9][\d,]*$/);
  const legend = page.getByRole('figure', { name: 'Colour legend: labels' });
  await expect(legend.getByRole('listitem')).toHaveText(['alpha', 'beta', 'gamma']);
});

test('a ragged CSV is named by its row and the previous embedding stays', async ({ page }) => {
  await page.goto('/');
  await runIdOnceDrawn(page);
  const before = await scatterOf(page).getAttribute('data-run-id');
  await loadAndEmbed(page, 'bad_ragged_short.csv');
  await expect(panelOf(page).getByRole('alert')).toHaveText(/row 4 has 2 fields, expected 3\./);
  await expect(scatterOf(page)).toHaveAttribute('data-run-id', before ?? '');
  await expect(page.getByTestId('n')).toHaveText('1,000');
  await expect(page.getByRole('combobox', { name: /^dataset/ })).toHaveValue('ring');
});

test('a label that looks like HTML is shown as text', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto('/');
  await runIdOnceDrawn(page);
  await loadAndEmbed(page, 'good_html_label.csv');
  const legend = page.getByRole('figure', { name: 'Colour legend: labels' });
  await expect(legend.getByRole('listitem')).toHaveText(['<img src=x onerror=alert(1)>']);
  expect(await page.locator('img').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('a file with a NaN offers to drop that row, then embeds the rest', async ({ page }) => {
  await page.goto('/');
  const ringRun = await runIdOnceDrawn(page);
  await loadAndEmbed(page, 'bad_nan.csv');
  const panel = panelOf(page);
  await expect(panel.getByRole('alert')).toHaveText(/row 22, column "a" is "NaN"/);
  await panel.getByRole('button', { name: 'Drop 1 row' }).click();
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await expect.poll(() => scatterOf(page).getAttribute('data-run-id')).not.toBe(ringRun);
  // 21 data rows, row 22 (the NaN) dropped.
  await expect(page.getByTestId('n')).toHaveText('20');
});
