import { expect, test } from '@playwright/test';

test('the bundled MNIST digits are served as a compact 8-bit asset', async ({ page }) => {
  await page.goto('/');
  const asset = await page.evaluate(async () => {
    const response = await fetch(new URL('data/mnist-digits.bin', document.baseURI));
    const bytes = new Uint8Array(await response.arrayBuffer());
    const view = new DataView(bytes.buffer);
    return {
      status: response.status,
      length: bytes.byteLength,
      magic: String.fromCharCode(...bytes.subarray(0, 4)),
      n: view.getUint32(4, true),
      dim: view.getUint32(8, true),
    };
  });
  // 12-byte header + 10 000 × 784 pixels + 10 000 labels.
  expect(asset).toEqual({ status: 200, length: 7_850_012, magic: 'UTLD', n: 10_000, dim: 784 });
});

test('choosing MNIST digits builds a kNN graph over the first 1 000 digits with spectral init', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('edges')).toHaveText('8,253', { timeout: 30_000 });
  const assetRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/data/mnist-digits.bin')) assetRequests.push(request.url());
  });
  await page.getByLabel('dataset', { exact: true }).selectOption('mnist');
  await expect(page.getByLabel('points n', { exact: true })).toHaveValue('1000');
  await expect(page.getByLabel('init', { exact: true })).toHaveValue('spectral');
  // The ring's graph (8 253 edges, same n) is replaced once the digits' run starts.
  const edgeCount = async () => Number((await page.getByTestId('edges').textContent())?.replace(/,/g, ''));
  await expect.poll(edgeCount, { timeout: 60_000 }).not.toBe(8_253);
  await expect(page.getByTestId('n')).toHaveText('1,000');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // An undirected kNN graph with k = 15 has between n·k/2 and n·k edges.
  const edges = await edgeCount();
  expect(edges).toBeGreaterThan(7_500);
  expect(edges).toBeLessThan(15_000);
  await expect(page.getByRole('img', { name: 'Scatter plot of the points' })).toBeVisible();
  const legend = page.getByRole('figure', { name: 'Colour legend: labels' }).getByRole('listitem');
  await expect(legend).toHaveText(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  // The worker fetched the asset once (not the UI thread's business, but one request either way).
  expect(assetRequests).toHaveLength(1);
  await page.screenshot({ path: '/tmp/mnist.png' });
});
