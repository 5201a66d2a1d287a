import { expect, test } from '@playwright/test';

import { hydrated, signIn } from '../session';

test.describe('a cluster leader', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('sets a target and an optional metric for the year, and they are kept', async ({ page }, info) => {
    await signIn(page, 'leader@demo.memberpulse.test', '/sign-in?next=/plan');
    await expect(page).toHaveURL(/\/plan$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Metrics and targets for the year');
    // A leader sees only their own cluster: no cluster choice.
    await expect(page.locator('select[name="cluster"]')).toBeHidden();

    const row = page.locator('tr[data-metric="forum_attendance"]');
    await row.locator('input[name="green"]').fill('60');
    await row.locator('input[name="amber"]').fill('45');
    const optional = page.locator('tr[data-metric="media_reach"] input[type="checkbox"]');
    const wasChecked = await optional.isChecked();
    await optional.setChecked(!wasChecked);
    await page.getByRole('button', { name: 'Save plan' }).click();
    await expect(page.getByRole('status')).toHaveText('The plan is saved. Signals use the new targets at once.');
    await page.screenshot({ path: info.outputPath('cluster-plan.png') });

    await page.reload();
    await hydrated(page);
    await expect(page.locator('tr[data-metric="forum_attendance"] input[name="green"]')).toHaveValue('60');
    await expect(page.locator('tr[data-metric="media_reach"] input[type="checkbox"]')).toBeChecked({ checked: !wasChecked });

    // Amber above green for a higher-is-better metric is refused, saying which metric.
    await page.locator('tr[data-metric="forum_attendance"] input[name="amber"]').fill('80');
    await page.getByRole('button', { name: 'Save plan' }).click();
    await expect(page.getByRole('alert')).toContainText('forum_attendance');
  });
});
