import { expect, test } from '@playwright/test';

import { hydrated, signIn } from '../session';

test.describe('service projects and partnerships', () => {
  test.use({ storageState: { cookies: [], origins: [] }, viewport: { width: 360, height: 740 } });

  test('a leader records a partnership on a phone, ends it, reopens it and removes it', async ({ page }, info) => {
    // Each write recomputes the community KPIs in the request.
    test.setTimeout(60_000);
    await signIn(page, 'leader@demo.memberpulse.test');
    await expect(page).toHaveURL(/\/plan$/);

    await page.goto('/community-work');
    await hydrated(page);
    // The form refuses an entry without a name before sending anything.
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('Name the project or partner.');

    const partner = `Harbour Library ${info.project.name} ${Date.now()}`;
    await page.locator('select[name="kind"]').selectOption('partnership');
    await page.locator('input[name="name"]').fill(partner);
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText("Saved. The cluster's numbers are updated.");
    const entry = page.getByTestId('community-work-item').filter({ hasText: partner });
    await expect(entry).toContainText('Partnership');
    await expect(entry).toContainText('Ongoing');

    const today = await page.locator('input[name="started_on"]').inputValue();
    await entry.locator('input[name="end"]').fill(today);
    await entry.getByRole('button', { name: 'Set end' }).click();
    await expect(entry).toContainText('Ended');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: info.outputPath('leader-community-work-phone.png'), fullPage: false });

    await entry.getByRole('button', { name: 'Reopen' }).click();
    await expect(entry).toContainText('Ongoing');
    await entry.getByRole('button', { name: 'Remove' }).click();
    await expect(entry).toHaveCount(0);
  });
});
