import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { type StaticHost, serveStatic } from './support/staticHost';

// dist/ as a newcomer deploys it: copied to a plain static host (no COOP/COEP headers) under a
// sub-path. Playwright's webServer has just built dist/ for the other tests.
const SUB_PATH = 'umap-explorer';
let site: string;
let host: StaticHost;

test.beforeEach(async () => {
  site = mkdtempSync(join(tmpdir(), 'umap-explorer-site-'));
  cpSync('dist', site, { recursive: true });
  host = await serveStatic(site, SUB_PATH);
});

test.afterEach(async () => {
  await host.close();
  rmSync(site, { recursive: true, force: true });
});

/** Waits until the service worker controls the page and has reloaded it into cross-origin isolation. */
async function waitForServiceWorker(page: Page) {
  await page.waitForFunction(
    () => navigator.serviceWorker.controller !== null && self.crossOriginIsolated,
    null,
    {
      timeout: 30_000,
    },
  );
}

test('dist/ under a sub-path of a header-less host runs the ring, then parallel epochs after one reload', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${host.url}#v=1&ds=ring&n=1000&seed=3&k=15&epochs=500&threads=2`);
  // The first visit draws the ring before any service worker is involved.
  await expect(page.getByTestId('edges')).toHaveText('8,253', { timeout: 30_000 });
  // The worker installs, takes control and the page reloads itself once, now isolated.
  await waitForServiceWorker(page);
  expect(page.url()).toContain(`/${SUB_PATH}/#`);
  await expect(page.getByTestId('edges')).toHaveText('8,253', { timeout: 30_000 });
  await expect(page.getByTestId('threads')).toHaveText('2 (Hogwild, not reproducible)');
  await expect(page.getByTestId('run-message')).toHaveCount(0);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('epoch')).toHaveText('500 / 500', { timeout: 60_000 });
  // Contracted: a thinner ring, or (Hogwild runs tear it more often) one torn into arcs.
  const thickness = page.getByTestId('thickness-ratio');
  await expect(thickness.or(page.getByTestId('ring-arcs'))).toHaveCount(1);
  if (await thickness.count()) expect(Number(await thickness.textContent())).toBeLessThan(1);
  expect(errors).toEqual([]);
});

test('after the first visit the app works offline: the ring and the MNIST preset run with the host gone', async ({
  page,
}) => {
  await page.goto(host.url);
  await waitForServiceWorker(page);
  await host.close();
  await page.reload();
  await expect(page.getByTestId('edges')).toHaveText('8,253', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect(page.getByTestId('epoch')).toHaveText(/^10 \//);
  await page.getByRole('button', { name: /^Fig\. 2b/ }).click();
  const legend = page.getByRole('figure', { name: 'Colour legend: labels' }).getByRole('listitem');
  await expect(legend).toHaveText(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], { timeout: 60_000 });
  await expect(page.getByTestId('n')).toHaveText('5,000', { timeout: 60_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a new deployment is announced, not served silently, and one click reloads into it', async ({
  page,
}) => {
  await page.goto(host.url);
  await waitForServiceWorker(page);
  await expect(page.getByText('A new version of the explorer is available')).toHaveCount(0);
  // Deploy a "new version": the service worker's manifest version changes, as on any rebuild.
  const workerFile = join(site, 'sw.js');
  const code = readFileSync(workerFile, 'utf8');
  const version = /"version":"([0-9a-f]+)"/.exec(code)?.[1];
  expect(version).toBeDefined();
  writeFileSync(workerFile, code.replace(`"version":"${version}"`, '"version":"0123456789abcdef"'));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  const notice = page.getByText('A new version of the explorer is available');
  await expect(notice).toBeVisible({ timeout: 30_000 });
  // Until then the page keeps the old version's cache.
  expect(await page.evaluate(() => caches.keys())).toContain(`umap-true-loss-${version}`);
  const reloaded = page.waitForEvent('load');
  await page.getByRole('button', { name: 'Reload to update' }).click();
  await reloaded;
  // The new version took over (it deletes the old cache before it claims the page).
  expect(await page.evaluate(() => caches.keys())).toEqual(['umap-true-loss-0123456789abcdef']);
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId('edges')).toHaveText('8,253', { timeout: 30_000 });
});
