import { expect, test } from '@playwright/test';

import { hydrated, signIn } from '../session';

test.describe('committee calls', () => {
  test.use({ storageState: { cookies: [], origins: [] }, viewport: { width: 360, height: 740 } });

  test('a leader records a committee call on a phone; the form checks itself first', async ({ page }, info) => {
    // The recompute after the call runs in the request (about 1.5 s in a debug build).
    test.setTimeout(60_000);
    await signIn(page, 'leader@demo.memberpulse.test');
    await expect(page).toHaveURL(/\/plan$/);

    await page.goto('/committee-calls');
    await hydrated(page);
    await expect(page.getByRole('heading', { name: 'Record a call' })).toBeVisible();

    // A date in the future is refused before anything is sent.
    const future = new Date();
    future.setDate(future.getDate() + 3);
    await page.locator('input[name="date"]').fill(future.toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Record call' }).click();
    await expect(page.getByRole('alert')).toContainText('record a call once it has taken place');

    // A call yesterday at a minute unique to this run, project and retry; the first
    // member joined two minutes late.
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000);
    const date = `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, '0')}-${String(yesterday.getDate()).padStart(2, '0')}`;
    const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const startMinute = (Math.floor(Date.now() / 60_000) + (info.project.name === 'phone' ? 30 : 0) + info.retry * 7) % 1400;
    const start = clock(startMinute);
    await page.locator('input[name="date"]').fill(date);
    await page.locator('input[name="start"]').fill(start);
    const seat = page.locator('li.seat:not([hidden])').first();
    await seat.locator('input[name="attended"]').check();
    await seat.locator('input[name="joined"]').fill(clock(startMinute + 2));
    await page.getByRole('button', { name: 'Record call' }).click();
    await expect(page.getByRole('status')).toHaveText("Recorded. The cluster's numbers are updated.");
    const recorded = page.locator('li.call-row', { hasText: `, ${start}` }).first();
    await expect(recorded).toContainText(/1 of \d+ joined, 1 on time/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: info.outputPath('leader-committee-calls-phone.png'), fullPage: false });

    // The same call again is refused by the server, saying why.
    await page.locator('input[name="date"]').fill(date);
    await page.locator('input[name="start"]').fill(start);
    await page.getByRole('button', { name: 'Record call' }).click();
    await expect(page.getByRole('alert')).toContainText('already recorded');
  });
});
