import { expect, test } from '@playwright/test';

import { hydrated, signIn } from '../session';

test.describe('media coverage', () => {
  test.use({ storageState: { cookies: [], origins: [] }, viewport: { width: 360, height: 740 } });

  test('a leader records coverage on a phone, sees it listed and removes it', async ({ page }, info) => {
    // Each write recomputes the media KPIs in the request.
    test.setTimeout(60_000);
    await signIn(page, 'leader@demo.memberpulse.test');
    await expect(page).toHaveURL(/\/plan$/);

    await page.goto('/media');
    await hydrated(page);
    // The form refuses an empty item before sending anything.
    await page.getByRole('button', { name: 'Record coverage' }).click();
    await expect(page.getByRole('alert')).toContainText('Outlet: say where it appeared.');
    await expect(page.getByRole('alert')).toContainText('Estimated reach: enter a whole number');

    const title = `Founders breakfast ${info.project.name} ${Date.now()}`;
    await page.locator('select[name="kind"]').selectOption('press_release');
    await page.locator('input[name="reach"]').fill('12,500');
    await page.locator('input[name="outlet"]').fill('Daily Courier');
    await page.locator('input[name="title"]').fill(title);
    await page.getByRole('button', { name: 'Record coverage' }).click();
    await expect(page.getByRole('status')).toHaveText("Recorded. The cluster's numbers are updated.");
    const item = page.locator('li.media-row', { hasText: title });
    await expect(item).toContainText('Press release');
    await expect(item).toContainText('12,500');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: info.outputPath('leader-media-phone.png'), fullPage: false });
    // The cluster's coverage downloads in the import columns, the new item among it.
    const href = await page.getByTestId('media_items-csv').getAttribute('href');
    const download = await page.request.get(href ?? '');
    expect(download.ok()).toBeTruthy();
    const csv = await download.text();
    expect(csv.split('\n')[0]).toBe('reference,cluster_code,published_on,outlet,kind,title,reach');
    expect(csv).toContain(title);

    await item.getByRole('button', { name: 'Remove' }).click();
    await expect(item).toHaveCount(0);
  });
});
