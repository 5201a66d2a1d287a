import { expect, test, type Page } from '@playwright/test';

import { hydrated, signIn } from '../session';

/** The value of a CSS custom property on <html>, as the page resolves it now. */
async function token(page: Page, name: string) {
  return page.evaluate((name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim(), name);
}

type Brand = { organization_name: string; primary: string; accent: string; font: string };

/** The brand as every page reads it. */
async function currentBrand(page: Page): Promise<Brand> {
  return (await page.request.post('/api/brand/theme')).json();
}

/** Puts the brand back as the test found it (the shipped look, and the name it had). */
async function putBack(page: Page, before: Brand) {
  expect((await page.request.post('/api/brand/restore')).ok()).toBeTruthy();
  const response = await page.request.post('/api/brand/save', {
    form: {
      'form[organization_name]': before.organization_name,
      'form[primary]': before.primary,
      'form[accent]': before.accent,
      'form[font]': before.font,
    },
  });
  expect(response.ok()).toBeTruthy();
}

test.describe('brand and theme', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('an admin changes the brand colour; the page, the header and the charts follow at once', async ({ page }, info) => {
    await signIn(page, 'admin@demo.memberpulse.test', '/sign-in?next=/admin/brand');
    await expect(page).toHaveURL(/\/admin\/brand$/);
    await hydrated(page);
    const before = await currentBrand(page);
    try {
      const primary = page.locator('#primary-text');
      await expect(primary).toHaveValue('#1d4ed8');

      // Too light to read: the readout says so in words, and saving names the fix.
      await primary.fill('#ffcc00');
      await expect(page.getByTestId('contrast-light').first()).toContainText('below AA');
      await page.getByTestId('save-brand').click();
      const problems = page.getByTestId('brand-problems');
      await expect(problems).toContainText('Primary colour: #ffcc00 has a contrast of');
      await expect(problems).toContainText('nearest darker shade that passes');

      await primary.fill('#8a1538');
      await expect(page.getByTestId('contrast-light').first()).toContainText('passes AA');
      await page.locator('input[name="organization_name"]').fill('Harbour Founders');
      await page.locator('select[name="font"]').selectOption('serif');
      await page.getByTestId('save-brand').click();
      await expect(page.getByTestId('brand-outcome')).toContainText('Saved.');

      // Without a reload: the stylesheet, the header and the links follow.
      await expect.poll(() => token(page, '--brand-primary')).toBe('#8a1538');
      await expect(page.getByTestId('brand-name')).toHaveText('Harbour Founders');
      const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
      expect(font).toContain('Charter');
      await page.screenshot({ path: info.outputPath('brand-editor.png'), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      // A chart drawn now paints its bars in the brand colour.
      await page.goto('/leaderboard?metric=active_member_share&period=2025&region=1');
      await hydrated(page);
      const figure = page.locator('figure[data-chart="ranking"]');
      await expect(figure).toHaveAttribute('data-state', 'drawn');
      const colours = await figure.locator('.chart__canvas').evaluate((element) => {
        const charts = (window as unknown as { memberpulseCharts: { chartOf(e: Element): { getOption(): unknown } } })
          .memberpulseCharts;
        return JSON.stringify(charts.chartOf(element).getOption());
      });
      expect(colours).toContain('#8a1538');
      await page.screenshot({ path: info.outputPath('brand-leaderboard.png'), fullPage: false });

      // Dark mode: the toggle switches at once, derives a lighter shade of the brand colour
      // for contrast, and the server renders the choice on the next load.
      const css = await (await page.request.get('/theme.css')).text();
      const darkPrimary = /:root\[data-theme="dark"\] \{\s*--brand-primary: (#[0-9a-f]{6});/.exec(css)?.[1];
      expect(darkPrimary).toBeTruthy();
      const toggle = page.getByTestId('theme-toggle');
      while ((await toggle.getAttribute('data-mode')) !== 'dark') await toggle.click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await expect.poll(() => token(page, '--color-bg')).toBe('#0b1220');
      await expect.poll(() => token(page, '--brand-primary')).toBe(darkPrimary!);
      await expect(figure).toHaveAttribute('data-state', 'drawn');
      await page.screenshot({ path: info.outputPath('brand-dark.png'), fullPage: false });
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await hydrated(page);
      await page.getByTestId('theme-toggle').click();
      await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
      await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-mode', 'device');
    } finally {
      await putBack(page, before);
    }
    await page.goto('/admin/brand');
    await expect(page.locator('#primary-text')).toHaveValue('#1d4ed8');
  });

  test('an admin uploads a logo, which the header shows, and removes it', async ({ page }) => {
    await signIn(page, 'admin@demo.memberpulse.test', '/sign-in?next=/admin/brand');
    await expect(page).toHaveURL(/\/admin\/brand$/);
    await hydrated(page);
    const before = await currentBrand(page);
    try {
      const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 32"><rect width="64" height="32" fill="#8a1538"/></svg>';
      await page.locator('input[type="file"][name="logo"]').setInputFiles({
        name: 'logo.svg',
        mimeType: 'image/svg+xml',
        buffer: Buffer.from(svg),
      });
      await page.getByTestId('upload-logo').click();
      await expect(page).toHaveURL(/\/admin\/brand\?logo=saved$/);
      await expect(page.getByTestId('logo-outcome')).toContainText('The new logo is shown on every page.');
      const logo = page.locator('header img.brand__logo');
      await expect(logo).toBeVisible();
      expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

      // Not an image: the reason, and the logo stays.
      await hydrated(page);
      await page.locator('input[type="file"][name="logo"]').setInputFiles({
        name: 'members.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('name,cluster\nAda,1\n'),
      });
      await page.getByTestId('upload-logo').click();
      await expect(page.getByTestId('logo-outcome')).toContainText('is not a PNG, JPEG, WebP, GIF or SVG image');
      await expect(page.locator('header img.brand__logo')).toBeVisible();

      await hydrated(page);
      await page.getByTestId('remove-logo').click();
      await expect(page.getByTestId('brand-outcome')).toContainText('The logo was removed');
      await expect(page.locator('header img.brand__logo')).toHaveCount(0);
    } finally {
      await putBack(page, before);
    }
  });
});
