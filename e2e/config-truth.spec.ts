import { expect, type Page, test } from '@playwright/test';
import { createRng } from '../src/core/random';
import type { ExplorerConfig } from '../src/engine/config';
import { decodeConfig } from '../src/state/urlCodec';

// Every link, typed by hand or random, opens a drawn run or a visible explanation, and the
// controls show exactly the configuration that runs (issue: "every control tells the truth").

const drawn = (page: Page) => page.getByTestId('edges');
const changedNotice = (page: Page) => page.getByRole('status', { name: 'Settings changed' });

/**
 * Waits until the run of `config` is drawn — its readouts (n, k, epochs) restate it; a same-page
 * link change shows the previous run's until the new one is built — then checks that every control
 * shows `config` and nothing is in error.
 */
async function expectShows(page: Page, config: ExplorerConfig) {
  const readout = async (testId: string) =>
    (
      await page
        .getByTestId(testId)
        .textContent({ timeout: 1_000 })
        .catch(() => null)
    )?.replace(/,/g, '');
  const readouts = async () => ({
    n: Number(await readout('n')),
    k: Number(await readout('k')),
    epochs: Number((await readout('epoch'))?.split('/')[1]),
  });
  await expect
    .poll(readouts, { timeout: 30_000 })
    .toEqual({ n: config.n, k: config.k, epochs: config.epochs });
  await expect(drawn(page)).toHaveText(/^\d[\d,]*$/);
  await expect(page.getByRole('alert')).toHaveCount(0);
  const value = (testId: string) => page.getByTestId(testId).inputValue();
  const exact = (label: string) => page.getByLabel(`${label}, exact value`).inputValue();
  expect({
    dataset: await value('dataset-select'),
    n: Number(await value('n-select')),
    k: Number(await value('k-slider')),
    kExact: Number(await exact('neighbours k')),
    similarity: await value('similarity-select'),
    init: await value('init-select'),
    epochs: Number(await page.getByLabel('epochs', { exact: true }).inputValue()),
    m: Number(await exact('negative samples m')),
    learningRate: Number(await exact('learning rate α₀')),
    minDist: Number(await exact('min_dist')),
    sampling: await value('sampling-select'),
    threads: Number(await value('threads-select')),
  }).toEqual({
    dataset: config.dataset,
    n: config.n,
    k: config.k,
    kExact: config.k,
    similarity: config.similarity,
    init: config.init,
    epochs: config.epochs,
    m: config.m,
    learningRate: config.learningRate,
    minDist: config.minDist,
    sampling: config.sampling,
    threads: config.threads,
  });
}

for (const dataset of ['ring', 'rings', 'square', 'blobs', 'mnist'] as const) {
  test(`hand-written links for ${dataset} with each init open a drawn run, or say what they changed`, async ({
    page,
  }) => {
    for (const init of ['data', 'spectral', 'random'] as const) {
      const link = `#ds=${dataset}&n=1000&init=${init}`;
      await page.goto(`/${link}`);
      const { config, notices } = decodeConfig(link);
      await expectShows(page, config);
      if (notices.length > 0) {
        // The only change these links need: data init on data that is not 2-D.
        expect(init).toBe('data');
        await expect(changedNotice(page).or(page.getByRole('list', { name: 'Link notices' }))).toContainText(
          'needs 2-D data',
        );
      }
    }
  });
}

test('bare and odd links from the field reports draw, with their changes said', async ({ page }) => {
  const cases: [string, RegExp | null][] = [
    ['#ds=mnist', /784-D. Using spectral init/],
    ['#v=1&ds=blobs', /50-D. Using spectral init/],
    ['#v=1&ds=rings&n=41', /multiple of 20; using n = 40/],
    ['#v=1&ds=mnist&n=20&init=data', /784-D/],
    ['#v=1&ds=ring&n=250.7', /points n must be a whole number; using 251 instead of 250.7/],
  ];
  for (const [link, notice] of cases) {
    await page.goto(`/${link}`);
    const { config } = decodeConfig(link);
    await expectShows(page, config);
    if (notice) await expect(page.getByRole('list', { name: 'Link notices' })).toContainText(notice);
  }
});

test('values off the menus run and the menus show them; values beyond any control are clamped with a notice', async ({
  page,
}) => {
  const link = '#v=1&ds=ring&n=777&epochs=333&threads=8&lr=5&md=1';
  await page.goto(`/${link}`);
  const { config } = decodeConfig(link);
  expect(config).toMatchObject({ n: 777, epochs: 333, threads: 8, learningRate: 5, minDist: 0.99 });
  await expectShows(page, config);
  const notices = page.getByRole('list', { name: 'Link notices' });
  await expect(notices).toHaveText(['min_dist = 1 is outside 0–0.99; using 0.99.']);
  await expect(page.getByTestId('n-select').locator('option:checked')).toHaveText('777');
  // The slider's track widens to the value, so its thumb is not parked at an end.
  await expect(page.getByTestId('lr-slider')).toHaveValue('5');
  await expect(page.getByTestId('lr-slider')).toHaveAttribute('max', '5');
});

test('duplicated keys and malformed numbers are named, not silently read', async ({ page }) => {
  await page.goto('/#v=1&n=500&n=700&k=0x10&epochs=1e400&m=');
  const notices = page.getByRole('list', { name: 'Link notices' });
  await expect(notices).toContainText('n appears 2 times in this link; using the first, "500".');
  await expect(notices).toContainText('k = "0x10" is not a decimal number; using 15.');
  await expect(notices).toContainText('epochs = "1e400" is not a decimal number; using 500.');
  await expect(notices).toContainText('m = "" is not a decimal number; using 5.');
  await expectShows(page, decodeConfig('#v=1&n=500&k=15&epochs=500&m=5').config);
});

test('random links: controls, readouts and the running configuration agree', async ({ page }) => {
  const rng = createRng(2026);
  const pick = <T>(values: readonly T[]) => values[rng.nextInt(values.length)];
  for (let i = 0; i < 8; i++) {
    const dataset = pick(['ring', 'rings', 'square', 'blobs'] as const);
    const params = new URLSearchParams({
      v: '1',
      ds: dataset,
      n: String(60 + rng.nextInt(1500)),
      seed: String(rng.nextInt(1000)),
      k: String(2 + rng.nextInt(60)),
      m: String(1 + rng.nextInt(30)),
      sim: pick(['umap', 'inverted', 'binary']),
      init: pick(['data', 'spectral', 'random']),
      epochs: String(11 + rng.nextInt(3000)),
      lr: pick(['0.05', '0.5', '1', '3.25']),
      md: pick(['0', '0.1', '0.37', '0.99']),
      sampling: pick(['umap', 'corrected']),
      threads: String(1 + rng.nextInt(8)),
    });
    const link = `#${params}`;
    await page.goto(`/${link}`);
    await expectShows(page, decodeConfig(link).config);
  }
});

test('a typed exact value applies on Enter, and one out of range is refused in place', async ({ page }) => {
  await page.goto('/');
  await expect(drawn(page)).toHaveText('8,253', { timeout: 30_000 });
  const exactK = page.getByLabel('neighbours k, exact value');
  await exactK.fill('25');
  await exactK.press('Enter');
  await expect(page.getByTestId('k')).toHaveText('25');
  await expect(page.getByTestId('k-slider')).toHaveValue('25');
  await expect(page).toHaveURL(/k=25/);
  await exactK.fill('51');
  await exactK.press('Enter');
  await expect(page.getByText('a whole number in 2–50')).toBeVisible();
  await expect(page.getByTestId('k')).toHaveText('25');
});

test('a link beyond the menus’ sizes asks first, with time and memory, and runs once confirmed', async ({
  page,
}) => {
  await page.goto('/#v=1&ds=ring&n=30000&epochs=200');
  const confirm = page.getByRole('region', { name: 'Confirm a large run' });
  await expect(confirm).toContainText('n = 30,000 is more than the menus offer (up to 20,000)');
  await expect(confirm).toContainText(/takes about \d+ s and \d+ MB/);
  // Nothing is built meanwhile.
  await expect(page.getByTestId('edges')).toHaveCount(0);
  await confirm.getByRole('button', { name: 'Use n = 20,000 instead' }).click();
  await expect(page.getByTestId('n')).toHaveText('20,000', { timeout: 60_000 });
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId('n-select')).toHaveValue('20000');

  await page.goto('/#v=1&ds=ring&n=25000&epochs=200');
  await page.reload();
  await page
    .getByRole('region', { name: 'Confirm a large run' })
    .getByRole('button', { name: 'Run n = 25,000' })
    .click();
  await expect(page.getByTestId('n')).toHaveText('25,000', { timeout: 60_000 });
  await expect(page.getByTestId('n-select')).toHaveValue('25000');
});
