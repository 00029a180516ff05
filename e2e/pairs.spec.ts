import { expect, test } from '@playwright/test';

test('per-pair views measure ν against ν* and μ, and a brushed region highlights its points in the scatter', async ({
  page,
}) => {
  await page.goto('/#v=1&ds=ring&n=1000&seed=3&k=15&epochs=500');
  await expect(page.getByTestId('edges')).toHaveText('8,253', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('epoch')).toHaveText('500 / 500', { timeout: 60_000 });

  // Fig. 4, pair by pair: ν reproduces the targets ν*, not the input μ.
  const views = page.getByRole('region', { name: 'Per-pair views' });
  // The views refresh once a second: read them once they show the last epoch.
  await expect(views.getByTestId('pairs-epoch')).toHaveText('500', { timeout: 10_000 });
  const target = Number(await views.getByTestId('mean-nu-target').textContent());
  const mu = Number(await views.getByTestId('mean-nu-mu').textContent());
  console.log(`mean |ν − ν*| = ${target}, mean |ν − μ| = ${mu}`);
  expect(target).toBeLessThan(mu / 2);
  expect(Number((await views.getByTestId('nearer-target').textContent())?.replace('%', ''))).toBeGreaterThan(
    50,
  );

  // Brush the pairs the targets pile up on (ν* ≥ 0.8, any ν): their points light up in the scatter.
  const plot = views.getByTestId('pairs-target');
  const overlay = plot.locator('.pair-brush .overlay');
  await overlay.scrollIntoViewIfNeeded();
  const box = await overlay.boundingBox();
  if (!box) throw new Error('no brush overlay');
  await page.mouse.move(box.x + 0.8 * box.width, box.y + 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 2, box.y + box.height - 2, { steps: 5 });
  await page.mouse.up();
  const scatter = page.getByRole('img', { name: 'Scatter plot of the points' });
  await expect.poll(async () => Number(await scatter.getAttribute('data-highlighted'))).toBeGreaterThan(100);
  await expect(views).toContainText('points highlighted');
  await views.getByRole('button', { name: 'Clear selection' }).click();
  await expect.poll(async () => Number(await scatter.getAttribute('data-highlighted'))).toBe(0);
});

test('the readouts say how long a run has left and name a torn ring instead of its thickness', async ({
  page,
}) => {
  await page.goto('/#v=1&ds=ring&n=1000&seed=3&k=15&epochs=10000');
  // Pruned at max / 10 000 (not max / 500), more of the graph's edges stay.
  await expect(page.getByTestId('edges')).toHaveText('8,261', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('time-left')).toHaveText(/^about \d+ (s|min)$/, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  // Either a thickness (an intact ring, or a C) or the arcs it is torn into — never both.
  const thickness = page.getByTestId('thickness-ratio');
  const arcs = page.getByTestId('ring-arcs');
  await expect(thickness.or(arcs)).toHaveCount(1);
});
