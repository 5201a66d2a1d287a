import { expect, test } from '@playwright/test';

import { hydrated, signIn } from '../session';

test.describe('award applications', () => {
  test.use({ storageState: { cookies: [], origins: [] }, viewport: { width: 360, height: 740 } });

  test('a leader records an application on a phone, marks it won and removes it', async ({ page }, info) => {
    // Each write recomputes the award KPIs in the request.
    test.setTimeout(60_000);
    await signIn(page, 'leader@demo.memberpulse.test');
    await expect(page).toHaveURL(/\/plan$/);

    await page.goto('/awards');
    await hydrated(page);
    // The form refuses an application without an award before sending anything.
    await page.getByRole('button', { name: 'Record application' }).click();
    await expect(page.getByRole('alert')).toContainText('Award: name the award.');

    const award = `Growth Prize ${info.project.name} ${Date.now()}`;
    await page.locator('input[name="award"]').fill(award);
    // The first member of the cluster applies in their own name.
    const member = page.locator('select[name="member"] option').nth(1);
    const memberName = (await member.textContent()) ?? '';
    expect(memberName).not.toBe('');
    await page.locator('select[name="member"]').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Record application' }).click();
    await expect(page.getByRole('status')).toHaveText("Saved. The cluster's numbers are updated.");
    const row = page.locator('li.award-row', { hasText: award });
    await expect(row).toContainText(memberName);
    await expect(row.locator('.badge')).toHaveText('Pending');

    await row.getByLabel('Outcome').selectOption('won');
    await expect(row.locator('.badge')).toHaveText('Won');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: info.outputPath('leader-awards-phone.png'), fullPage: false });

    await row.getByRole('button', { name: 'Remove' }).click();
    await expect(row).toHaveCount(0);
  });
});
