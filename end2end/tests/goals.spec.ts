import { expect, test } from '@playwright/test';

import { hydrated, signIn } from '../session';

test.describe('annual goals', () => {
  test.use({ storageState: { cookies: [], origins: [] }, viewport: { width: 360, height: 740 } });

  test('a leader sets a goal on a phone, marks it achieved and removes it', async ({ page }, info) => {
    // Each write recomputes the goal KPIs in the request.
    test.setTimeout(60_000);
    await signIn(page, 'leader@demo.memberpulse.test');
    await expect(page).toHaveURL(/\/plan$/);

    await page.goto('/goals');
    await hydrated(page);
    await expect(page.getByTestId('goal-deadline')).toContainText('Goals are due by');
    // The form refuses an empty goal before sending anything.
    await page.getByRole('button', { name: 'Add goal' }).click();
    await expect(page.getByRole('alert')).toContainText('Say what the goal is.');

    const title = `Welcome ${info.project.name} ${Date.now() % 100000} new members`;
    await page.locator('input[name="title"]').fill(title);
    await page.getByRole('button', { name: 'Add goal' }).click();
    await expect(page.getByRole('status')).toHaveText("Saved. The cluster's numbers are updated.");
    const goal = page.getByTestId('goal').filter({ hasText: title });
    await expect(goal.getByLabel('Achieved')).not.toBeChecked();

    await goal.getByLabel('Achieved').check();
    await expect(page.getByRole('status')).toHaveText("Saved. The cluster's numbers are updated.");
    // The server kept it: a fresh page shows it achieved.
    await page.reload();
    await hydrated(page);
    await expect(goal.getByLabel('Achieved')).toBeChecked();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: info.outputPath('leader-goals-phone.png'), fullPage: false });

    await goal.getByRole('button', { name: 'Remove' }).click();
    await expect(goal).toHaveCount(0);
  });
});
