import { expect, test } from '@playwright/test';

import { hydrated, signIn } from '../session';

test.describe('organization settings', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('an admin changes the limits on optional metrics, and they are kept', async ({ page }) => {
    await signIn(page, 'admin@demo.memberpulse.test', '/sign-in?next=/admin/settings');
    await expect(page).toHaveURL(/\/admin\/settings$/);
    await hydrated(page);
    const min = page.locator('input[name="min"]');
    const max = page.locator('input[name="max"]');
    const before = [await min.inputValue(), await max.inputValue()];

    // The form refuses a minimum above the maximum before sending anything.
    await min.fill('9');
    await max.fill('2');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('alert')).toContainText('The minimum is above the maximum.');

    await min.fill('1');
    await max.fill('7');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status')).toHaveText('Saved. Plans are held to the new limits from now on.');
    await page.reload();
    await hydrated(page);
    await expect(min).toHaveValue('1');
    await expect(max).toHaveValue('7');

    // Put the demo's limits back for the other tests.
    await min.fill(before[0]);
    await max.fill(before[1]);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status')).toBeVisible();
  });
});
