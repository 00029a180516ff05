import { expect, type Page, test } from '@playwright/test';

/** The epoch readout's current epoch ("120 / 500" → 120). */
async function epochOf(page: Page): Promise<number> {
  const text = (await page.getByTestId('epoch').textContent()) ?? '';
  return Number(text.split('/')[0].replace(/[^0-9]/g, ''));
}

test('NEG on MNIST digits: the loss chart names the loss, and dragging s applies live without a restart', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/#v=1&ds=mnist&n=1000&init=spectral&epochs=2000&loss=neg&s=0');
  await expect(page.getByTestId('n')).toHaveText('1,000', { timeout: 60_000 });
  await expect(page.getByTestId('loss-title-actual')).toHaveText('actual: NEG (Neg-t-SNE)');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => epochOf(page), { timeout: 30_000 }).toBeGreaterThan(50);
  // Keyboard drag of the slider from s = 0 towards UMAP's end, one step at a time.
  const slider = page.getByTestId('spectrum-slider');
  await slider.focus();
  for (let step = 0; step < 4; step++) await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('0.2');
  await expect(page.getByTestId('restart-note')).toHaveText('spectrum s applied live');
  const before = await epochOf(page);
  await expect.poll(() => epochOf(page), { timeout: 30_000 }).toBeGreaterThan(before + 20);
  expect(page.url()).toContain('s=0.2');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('NEG on 6 000 digits: eq. 6 and eq. 12 with ξ are evaluated by the far field above 5 000 points, and said so', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/#v=1&ds=mnist&n=6000&init=random&epochs=20&loss=neg&s=0.5');
  await expect(page.getByTestId('n')).toHaveText('6,000', { timeout: 90_000 });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('epoch')).toHaveText(/^20 \/ 20/, { timeout: 60_000 });
  await expect(page.getByTestId('loss-cadence')).toContainText('approximate (far field');
  await expect(page.getByTestId('loss-latest')).toContainText('epoch 20:');
  const latest = (await page.getByTestId('loss-latest').textContent()) ?? '';
  const number = (name: string) =>
    Number(new RegExp(`${name} ([\\d,.]+)`).exec(latest)?.[1].replace(/,/g, ''));
  console.log(`NEG, n = 6 000, s = 0.5: ${latest}`);
  // As for UMAP (Fig. 3): the effective loss is what NEG's sampled epoch scores (the actual loss),
  // and the purported one sits far above it.
  expect(Math.abs(number('actual') / number('effective') - 1)).toBeLessThan(0.05);
  expect(number('purported') / number('effective')).toBeGreaterThan(10);
});

test('t-SNE with exaggeration runs to its end and a new ρ restarts the optimizer', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#v=1&n=300&epochs=200&loss=tsne&rho=4');
  await expect(page.getByTestId('loss-title-actual')).toHaveText('actual: KL(P‖Q)', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('epoch')).toHaveText(/200 \/ 200/, { timeout: 60_000 });
  const slider = page.getByTestId('exaggeration-slider');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('5');
  await expect(page.getByTestId('restart-note')).toHaveText(
    'exaggeration ρ changed: restarting the optimizer',
  );
});

test('the ICLR 2023 spectrum preset sweeps s on MNIST and the kNN recall falls, as the paper reports', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await expect(page.getByTestId('edges')).toHaveText('8,253', { timeout: 30_000 });
  await page.getByRole('button', { name: /^ICLR 2023 NEG spectrum/ }).click();
  const verdict = page.getByTestId('claim-spectrum-recall-verdict');
  await expect(verdict).not.toHaveText('not decided yet', { timeout: 200_000 });
  console.log(`ICLR spectrum: ${await page.getByTestId('claim-spectrum-recall-measured').textContent()}`);
  await expect(verdict).toHaveText('reproduced');
});

test('App. H: over the ring sweep in n, more pairs are pulled near ν = 1 as n grows', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await expect(page.getByTestId('edges')).toHaveText('8,253', { timeout: 30_000 });
  await page.getByRole('button', { name: /^App\. H contraction vs n/ }).click();
  const verdict = page.getByTestId('claim-contraction-n-verdict');
  await expect(verdict).not.toHaveText('not decided yet', { timeout: 200_000 });
  console.log(`App. H: ${await page.getByTestId('claim-contraction-n-measured').textContent()}`);
  await expect(verdict).toHaveText('reproduced');
});
