import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';

// A small ring keeps the run beside the audit cheap: 300 points, 100 epochs.
const SMALL_RING = 'v=1&n=300&epochs=100';
const fixtures = new URL('../src/engine/import/fixtures/', import.meta.url).pathname;
const reference = JSON.parse(readFileSync(`${fixtures}digits_reference.json`, 'utf8')) as {
  losses: { attractive: number; effectiveRepulsive: number };
  nuStarHistogram: number[];
  graphRecall: number;
};
/** Eq. 12 of their layout, as umap-learn's Python scored it. */
const pythonEffectiveLoss = reference.losses.attractive + reference.losses.effectiveRepulsive;

const auditRegion = (page: Page) => page.getByRole('region', { name: 'Audit your own UMAP' });
const chooseFiles = (page: Page, files: Parameters<Page['setInputFiles']>[1]) =>
  auditRegion(page).getByLabel('UMAP files').setInputFiles(files);

async function waitForRing(page: Page) {
  await page.goto(`/#${SMALL_RING}`);
  await expect(page.getByTestId('n')).toHaveText('300', { timeout: 30_000 });
  await expect(page.getByRole('img', { name: 'Scatter plot of the points' })).toBeVisible();
}

/** The effective loss of their layout, once audited, as the table holds it (the raw number). */
async function effectiveLossOfTheirs(page: Page): Promise<number> {
  const cell = auditRegion(page).getByTestId('audit-loss-effective-theirs');
  await expect(cell).toHaveAttribute('data-value', /\d/, { timeout: 60_000 });
  return Number(await cell.getAttribute('data-value'));
}

/** Logs how long the worker took to read and audit, from the status line. */
async function logTime(page: Page, what: string) {
  const status = auditRegion(page).getByRole('status');
  await expect(status).toHaveText(/^Audited .* in [\d.]+ s\.$/);
  console.log(`${what}: ${await status.textContent()}`);
}

test('an .h5ad from scanpy is audited: their numbers, Python’s effective loss, the digit labels', async ({
  page,
}) => {
  await waitForRing(page);
  await chooseFiles(page, `${fixtures}digits.h5ad`);
  const region = auditRegion(page);
  const effective = await effectiveLossOfTheirs(page);
  await logTime(page, 'digits.h5ad');

  await expect(region.getByTestId('audit-n')).toHaveText('1,797');
  expect(Math.abs(effective / pythonEffectiveLoss - 1)).toBeLessThan(1e-5);
  const numbers = region.getByTestId('audit-numbers');
  expect(Number(await numbers.getAttribute('data-nearer-target'))).toBeGreaterThan(0.5);
  // The ν* histogram and the graph-neighbour recall as umap-learn's Python side computed them.
  expect(Number(await numbers.getAttribute('data-graph-recall'))).toBeCloseTo(reference.graphRecall, 6);
  const histograms = region.getByRole('img', { name: 'μ, ν*, ν histograms of your UMAP' });
  await expect(histograms).toHaveAttribute('data-nu-star-counts', reference.nuStarHistogram.join(','));
  await expect(
    region.getByRole('img', { name: 'Your UMAP’s pairs: ν against ν* (target, eq. 15)' }),
  ).toBeVisible();
  await expect(
    region.getByRole('img', { name: 'Your UMAP’s pairs: ν against μ (your graph)' }),
  ).toBeVisible();
  await expect(region.getByTestId('audit-label-column')).toHaveText('digit');
  const legend = region.getByRole('figure', { name: 'Colour legend: labels' }).getByRole('listitem');
  await expect(legend).toHaveText(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  await expect(
    region.getByRole('img', { name: 'Your layout: 1,797 points, coloured by digit' }),
  ).toBeVisible();
  await expect(region.getByRole('img', { name: 'μ, ν*, ν histograms of your UMAP' })).toBeVisible();
  await expect(region.locator('path[data-series]')).toHaveCount(3);

  // Table 1's pattern on their UMAP: the diverged layout wins eq. 6, their layout eq. 12.
  const table = region.getByRole('table', { name: 'Losses of your layout' });
  await expect(table.getByTestId('audit-loss-purported-diverged')).toHaveAttribute('data-winner', 'true');
  await expect(table.getByTestId('audit-loss-effective-theirs')).toHaveAttribute('data-winner', 'true');
  await expect(table).not.toContainText('far-field');
  await region.screenshot({ path: '/tmp/audit-digits.png' });
});

test('a graph .npz with its embedding CSV gives the same effective loss', async ({ page }) => {
  await waitForRing(page);
  await chooseFiles(page, [`${fixtures}digits_graph.npz`, `${fixtures}digits_umap.csv`]);
  const effective = await effectiveLossOfTheirs(page);
  await logTime(page, 'digits_graph.npz + digits_umap.csv');
  expect(Math.abs(effective / pythonEffectiveLoss - 1)).toBeLessThan(1e-5);
  await expect(auditRegion(page).getByTestId('audit-label-column')).toHaveText('none');
});

test('bad files say why, keep the last audit, and leave the current run going', async ({ page }) => {
  await waitForRing(page);
  await chooseFiles(page, `${fixtures}digits.h5ad`);
  const before = await effectiveLossOfTheirs(page);
  const region = auditRegion(page);
  const alert = region.getByRole('alert');

  await chooseFiles(page, `${fixtures}digits_graph.npz`);
  await expect(alert).toContainText('digits_graph.npz holds the graph but no 2-D embedding');

  const csv = readFileSync(`${fixtures}digits_umap.csv`);
  await chooseFiles(page, { name: 'digits_umap.mtx', mimeType: 'text/plain', buffer: csv });
  await expect(alert).toContainText('digits_umap.mtx does not start with a %%MatrixMarket matrix header.');

  await chooseFiles(page, { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('my UMAP\n') });
  await expect(alert).toContainText('notes.txt: not a file the audit reads');

  // The last audit that worked is still shown, and the run still steps.
  await expect(alert).toContainText('Below: the last audit that worked (digits.h5ad).');
  await expect(region.getByTestId('audit-n')).toHaveText('1,797');
  expect(Number(await region.getByTestId('audit-loss-effective-theirs').getAttribute('data-value'))).toBe(
    before,
  );
  await expect(page.getByTestId('epoch')).toHaveText(/^0 \//);
  await page.getByRole('button', { name: 'Step 10', exact: true }).click();
  await expect(page.getByTestId('epoch')).toHaveText(/^10 \//, { timeout: 30_000 });
  await expect(page.getByTestId('n')).toHaveText('300');
});

test('files dropped on the section are audited, and the CSV panel does not take them', async ({ page }) => {
  await waitForRing(page);
  const files = ['digits_graph.npz', 'digits_umap.csv'].map((name) => ({
    name,
    bytes: Array.from(readFileSync(`${fixtures}${name}`)),
  }));
  const dataTransfer = await page.evaluateHandle((dropped) => {
    const transfer = new DataTransfer();
    for (const { name, bytes } of dropped) transfer.items.add(new File([new Uint8Array(bytes)], name));
    return transfer;
  }, files);
  await auditRegion(page).dispatchEvent('drop', { dataTransfer });
  const effective = await effectiveLossOfTheirs(page);
  expect(Math.abs(effective / pythonEffectiveLoss - 1)).toBeLessThan(1e-5);
  await expect(page.getByRole('region', { name: 'Your CSV' })).not.toContainText('digits_');
});

test('continuing from their layout: the corrected sampling moves ν from ν* to μ, UMAP’s keeps it at ν*', async ({
  page,
}) => {
  await waitForRing(page);
  await chooseFiles(page, `${fixtures}digits.h5ad`);
  await effectiveLossOfTheirs(page);
  const region = auditRegion(page).getByRole('region', { name: 'Continue from it' });
  const table = region.getByRole('table', { name: 'Their layout against the continued one' });
  const value = async (testId: string) => Number(await table.getByTestId(testId).getAttribute('data-value'));
  /** Continues with `method` for 100 epochs at α₀ = 0.25 and waits for its column; logs the time taken. */
  async function continueWith(method: 'corrected' | 'umap', name: string) {
    await region.getByTestId('continue-method').selectOption(method);
    await region.getByLabel('epochs', { exact: true }).fill('100');
    await region.getByLabel('learning rate α₀', { exact: true }).fill('0.25');
    await region.getByLabel('learning rate α₀', { exact: true }).press('Enter');
    const started = Date.now();
    await region.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(table.getByRole('columnheader', { name: `after 100 epochs of ${name}` })).toBeVisible({
      timeout: 60_000,
    });
    const status = region.getByRole('status');
    await expect(status).toHaveText(/^Continued in [\d.]+ s\.$/);
    console.log(`100 epochs of ${name}: ${await status.textContent()} (${Date.now() - started} ms from Run)`);
  }

  await continueWith('corrected', 'corrected sampling (§7.3)');
  await expect(region.getByRole('img', { name: /^Theirs: 1,797 points, coloured by digit/ })).toBeVisible();
  await expect(
    region.getByRole('img', { name: /^After 100 epochs of corrected sampling \(§7\.3\): 1,797 points/ }),
  ).toBeVisible();
  const nearerTheirs = await value('continue-nearer-target-theirs');
  expect(nearerTheirs).toBeGreaterThan(0.5);
  // §7.3: under the corrected sampling the targets become μ, so ν leaves ν* for μ.
  const nearerCorrected = await value('continue-nearer-target-continued');
  expect(nearerCorrected).toBeLessThan(nearerTheirs);
  expect(nearerCorrected).toBeLessThan(0.3);
  expect(await value('continue-nu-minus-mu-continued')).toBeLessThan(
    0.8 * (await value('continue-nu-minus-mu-theirs')),
  );
  await region.screenshot({ path: '/tmp/audit-continue.png' });

  // UMAP's own sampling keeps ν at ν*: their layout is where it converges.
  await continueWith('umap', 'UMAP’s sampling');
  expect(Math.abs((await value('continue-nearer-target-continued')) - nearerTheirs)).toBeLessThan(0.1);

  // A long continuation is cancelled, and the last one that finished stays.
  await region.getByLabel('epochs', { exact: true }).fill('20000');
  await region.getByLabel('epochs', { exact: true }).press('Enter');
  await region.getByRole('button', { name: 'Run', exact: true }).click();
  await region.getByRole('button', { name: 'Cancel' }).click();
  await expect(region.getByRole('status')).toHaveText(
    'Cancelled; below: the last continuation that finished.',
  );
  await expect(
    table.getByRole('columnheader', { name: 'after 100 epochs of UMAP’s sampling' }),
  ).toBeVisible();
});
