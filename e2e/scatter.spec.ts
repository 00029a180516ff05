import { expect, type Page, test } from '@playwright/test';

interface Pixels {
  count: number;
  box: { x0: number; y0: number; x1: number; y1: number };
  /** A pixel inside a drawn point (its 5×5 neighbourhood coloured), in CSS px of the canvas. */
  inside: [number, number] | null;
}

/** Reads the canvas back through a screenshot and counts the non-white pixels. */
async function colouredPixels(page: Page): Promise<Pixels> {
  const canvas = page.getByRole('img', { name: 'Scatter plot of the points' });
  const png = (await canvas.screenshot()).toString('base64');
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const scratch = document.createElement('canvas');
    scratch.width = image.width;
    scratch.height = image.height;
    const context = scratch.getContext('2d');
    if (!context) throw new Error('no 2-D context');
    context.drawImage(image, 0, 0);
    const { width, height } = image;
    const rgba = context.getImageData(0, 0, width, height).data;
    // The 2-px border of the canvas is not data: skip it.
    const coloured = (x: number, y: number) => {
      const o = 4 * (y * width + x);
      return rgba[o] + rgba[o + 1] + rgba[o + 2] < 3 * 235;
    };
    let count = 0;
    const box = { x0: width, y0: height, x1: -1, y1: -1 };
    let inside: [number, number] | null = null;
    for (let y = 3; y < height - 3; y++) {
      for (let x = 3; x < width - 3; x++) {
        if (!coloured(x, y)) continue;
        count++;
        box.x0 = Math.min(box.x0, x);
        box.x1 = Math.max(box.x1, x);
        box.y0 = Math.min(box.y0, y);
        box.y1 = Math.max(box.y1, y);
        if (!inside) {
          let all = true;
          for (let dy = -2; dy <= 2 && all; dy++)
            for (let dx = -2; dx <= 2 && all; dx++) all = coloured(x + dx, y + dy);
          if (all) inside = [x, y];
        }
      }
    }
    return { count, box, inside };
  }, png);
}

/** Loads the page, waits for the ring, and pauses the run so the picture holds still. */
async function loadPausedRing(page: Page) {
  await page.goto('/');
  const canvas = page.getByRole('img', { name: 'Scatter plot of the points' });
  await expect(canvas).toHaveAttribute('data-epoch', /\d+/, { timeout: 30_000 });
  const pause = page.getByRole('button', { name: 'Pause' });
  if (await pause.isVisible()) await pause.click();
  // Let the last in-flight frame land before reading pixels.
  await page.waitForTimeout(500);
  return canvas;
}

test('the scatter draws the default paper ring', async ({ page }) => {
  const canvas = await loadPausedRing(page);
  await expect(canvas).toHaveAttribute('data-run-id', /\d+/);
  const pixels = await colouredPixels(page);
  // 1 000 points of 3 px: well over a thousand coloured pixels, spread across the canvas.
  expect(pixels.count).toBeGreaterThan(1500);
  const size = await canvas.boundingBox();
  expect(pixels.box.x1 - pixels.box.x0).toBeGreaterThan(0.5 * (size?.width ?? 0));
  await expect(page.getByRole('figure', { name: /Colour legend/ })).toBeVisible();
});

test('hovering a point shows its index and degree', async ({ page }) => {
  const canvas = await loadPausedRing(page);
  const pixels = await colouredPixels(page);
  expect(pixels.inside).not.toBeNull();
  const [x, y] = pixels.inside ?? [0, 0];
  await canvas.hover({ position: { x, y } });
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText(/point \d/);
  // Degrees of the paper ring's μ graph are a few units (mean 5.83).
  const text = (await tooltip.textContent()) ?? '';
  const degree = Number(/dᵢ = ([\d.]+)/.exec(text)?.[1]);
  expect(degree).toBeGreaterThan(1);
  expect(degree).toBeLessThan(20);
});

test('Fit view restores the fitted view after zooming', async ({ page }) => {
  const canvas = await loadPausedRing(page);
  const before = await colouredPixels(page);
  const size = await canvas.boundingBox();
  if (!size) throw new Error('no canvas box');
  await page.mouse.move(size.x + size.width / 2, size.y + size.height / 2);
  await page.mouse.wheel(0, -600);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(page.getByText('view fixed')).toBeVisible();
  await page.waitForTimeout(300);
  const zoomed = await colouredPixels(page);
  // Zoomed in on the centre of a ring: the points leave the canvas, so fewer stay in view.
  expect(zoomed.count).toBeLessThan(0.7 * before.count);
  await page.getByRole('button', { name: 'Fit view' }).click();
  await expect(page.getByText('auto-fit: follows the run')).toBeVisible();
  await page.waitForTimeout(300);
  const fitted = await colouredPixels(page);
  expect(Math.abs(fitted.box.x0 - before.box.x0)).toBeLessThanOrEqual(3);
  expect(Math.abs(fitted.box.x1 - before.box.x1)).toBeLessThanOrEqual(3);
  expect(Math.abs(fitted.box.y0 - before.box.y0)).toBeLessThanOrEqual(3);
  expect(Math.abs(fitted.box.y1 - before.box.y1)).toBeLessThanOrEqual(3);
});
