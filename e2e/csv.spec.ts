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

/** The panel's checkbox for a column, found by its exact name. */
const columnBox = (page: Page, name: string) => panelOf(page).getByRole('checkbox', { name, exact: true });
const noticesOf = (page: Page) => panelOf(page).getByRole('list', { name: 'Notices about the file' });

async function pick(page: Page, file: string) {
  await page.goto('/');
  await runIdOnceDrawn(page);
  await panelOf(page).getByLabel('Load CSV').setInputFiles(`${fixtures}${file}`);
  await expect(panelOf(page).getByRole('button', { name: 'Embed' })).toBeEnabled();
}

test('a numeric column with text cells is named, not preselected nor the label, and can be chosen', async ({
  page,
}) => {
  await pick(page, 'mixed_text_cells.csv');
  const panel = panelOf(page);
  const reading = columnBox(page, 'reading');
  await expect(reading).not.toBeChecked();
  await expect(reading).toBeEnabled();
  await expect(reading).toHaveAccessibleDescription(
    /^not preselected: text in 3 of 40 rows \(7\.5 %\), first at row 17: "err"\. Tick it to use it anyway: its text cells then count as missing values\. .*the header being row 1\./,
  );
  await expect(columnBox(page, 'x')).toHaveAccessibleDescription('feature: numbers.');
  await expect(panel.getByLabel('Label column')).toHaveValue('3'); // "group", not "reading"
  await expect(columnBox(page, 'group')).toHaveAccessibleDescription('label: named like a label.');

  // The user's override: the mostly numeric column as a feature; its text cells are rows to drop.
  await reading.check();
  await panel.getByRole('button', { name: 'Embed' }).click();
  await expect(panel.getByRole('alert')).toHaveText(
    /3 rows \(17, 25, 33\) have a feature cell that is not a number \(3 text cells\); the first: row 17, column "reading" holds the text "err"\./,
  );
  await panel.getByRole('button', { name: 'Drop 3 rows' }).click();
  await expect(panel.getByText('Loaded 37 rows × 3 columns.')).toBeVisible();
  await expect(noticesOf(page)).toContainText(
    'Dropped 3 rows (17, 25, 33) with a feature cell that is not a number',
  );
  await expect(page.getByTestId('n')).toHaveText('37', { timeout: 30_000 });
});

test('hexadecimal and all-NaN columns are named as left out, in the chooser and after loading', async ({
  page,
}) => {
  await pick(page, 'hex_column.csv');
  const code = columnBox(page, 'code');
  await expect(code).toBeDisabled();
  await expect(code).toHaveAccessibleDescription(
    'left out: hexadecimal numbers (e.g. "0x1F"), which are not read as numbers; convert them to decimal to use this column.',
  );
  await panelOf(page).getByRole('button', { name: 'Embed' }).click();
  await expect(panelOf(page).getByText('Loaded 30 rows × 2 columns.')).toBeVisible();
  await expect(noticesOf(page)).toContainText('Column "code" was left out: hexadecimal numbers');

  await panelOf(page).getByLabel('Load CSV').setInputFiles(`${fixtures}all_nan_column.csv`);
  const z = columnBox(page, 'z');
  await expect(z).toBeDisabled();
  await expect(z).toHaveAccessibleDescription('left out: no numbers, all 30 rows are "NaN".');
  await panelOf(page).getByRole('button', { name: 'Embed' }).click();
  await expect(panelOf(page).getByText('Loaded 30 rows × 2 columns.')).toBeVisible();
  await expect(noticesOf(page)).toContainText('Column "z" was left out: all 30 rows are "NaN".');
});

test('values beyond float32 and tiny values are scaled, with the factor named, never dropped', async ({
  page,
}) => {
  await pick(page, 'beyond_float32.csv');
  await expect(columnBox(page, 'big')).toBeChecked();
  await expect(columnBox(page, 'big')).toHaveAccessibleDescription(
    /values up to 5\.1e\+39 are beyond float32's range \(±3\.4e\+38\), so loading scales the column/,
  );
  await panelOf(page).getByRole('button', { name: 'Embed' }).click();
  await expect(panelOf(page).getByText('Loaded 30 rows × 2 columns.')).toBeVisible();
  await expect(noticesOf(page)).toContainText(
    'Column "big" holds values up to 5.1e+39, beyond float32\'s range (±3.4e+38); it was divided by 1e39 so float32 can hold it.',
  );

  await panelOf(page).getByLabel('Load CSV').setInputFiles(`${fixtures}tiny_values.csv`);
  await expect(columnBox(page, 'tiny')).toHaveAccessibleDescription(
    /values no larger than 7e-50 are too small for float32/,
  );
  await panelOf(page).getByRole('button', { name: 'Embed' }).click();
  // Two columns: "tiny" is not mistaken for a constant column.
  await expect(panelOf(page).getByText('Loaded 30 rows × 2 columns.')).toBeVisible();
  await expect(noticesOf(page)).toContainText('Column "tiny" holds only tiny values (up to 7e-50)');
  await expect(noticesOf(page)).toContainText('it was multiplied by 1e50 so float32 can hold it.');
  await expect(noticesOf(page)).not.toContainText('constant');
});

test('the bad cell of a 5-row file is named with its row, and k is never asked below 2', async ({ page }) => {
  await pick(page, 'short_bad_cell.csv');
  const panel = panelOf(page);
  await expect(columnBox(page, 'b')).toHaveAccessibleDescription(
    /^not preselected: text in 1 of 5 rows \(20 %\), first at row 4: "x"\./,
  );
  await panel.getByRole('button', { name: 'Embed' }).click();
  // k = 15 by default: the message about k also names the left-out column and its bad cell.
  await expect(panel.getByRole('alert')).toHaveText(
    /Lower k to at most 4 with the neighbours k slider.*Column "b" was left out: text in 1 of 5 rows \(20 %\), first at row 4: "x"\./,
  );
  await columnBox(page, 'b').check();
  await panel.getByRole('button', { name: 'Embed' }).click();
  await expect(panel.getByRole('alert')).toHaveText(
    /^1 row \(4\) has a feature cell that is not a number \(1 text cell\); the first: row 4, column "b" holds the text "x"\. Drop that row, or fix the file\. Rows are numbered as in a spreadsheet, the header being row 1\./,
  );
  await panel.getByRole('button', { name: 'Drop 1 row' }).click();
  await expect(panel.getByRole('alert')).toHaveText(
    /^k = 15 needs more than 15 points; this file has 4 usable rows after dropping 1 row\. Lower k to at most 3 with the neighbours k slider/,
  );
  await expect(page.getByTestId('n')).toHaveText('1,000'); // the ring stays
});

test('cosine with all-zero rows names them and offers to drop them', async ({ page }) => {
  await pick(page, 'cosine_zero_rows.csv');
  const panel = panelOf(page);
  await panel.getByLabel('metric', { exact: true }).selectOption('cosine');
  await panel.getByRole('button', { name: 'Embed' }).click();
  await expect(panel.getByRole('alert')).toHaveText(
    /^3 rows \(5, 12, 20\) are all zero in the feature columns\. Under the cosine metric a zero vector has no direction, so its distance to the other points is undefined \(the neighbour search would put each at distance 1 from every non-zero point and at 0 from the other zero rows\)\. Drop those 3 rows, or choose the Euclidean metric\./,
  );
  await panel.getByRole('button', { name: 'Drop 3 all-zero rows' }).click();
  await expect(panel.getByText('Loaded 27 rows × 3 columns.')).toBeVisible();
  await expect(noticesOf(page)).toContainText(
    'Dropped 3 rows (5, 12, 20) that are all zero in the feature columns: under the cosine metric a zero vector has no direction.',
  );
  await expect(page.getByTestId('n')).toHaveText('27', { timeout: 30_000 });
});
