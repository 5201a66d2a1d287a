import { expect, test } from '@playwright/test';

import { hydrated, signIn } from '../session';

const pad = (n: number) => String(n).padStart(2, '0');

test.describe('inter-cluster programs', () => {
  test.use({ storageState: { cookies: [], origins: [] }, viewport: { width: 360, height: 740 } });

  test('a leader records a program on a phone, marks it held and removes it', async ({ page }, info) => {
    // Each write recomputes the program KPIs in the request.
    test.setTimeout(60_000);
    await signIn(page, 'leader@demo.memberpulse.test');
    await expect(page).toHaveURL(/\/plan$/);

    await page.goto('/programs');
    await hydrated(page);
    // The form refuses a program without a title before sending anything.
    await page.getByRole('button', { name: 'Record program' }).click();
    await expect(page.getByRole('alert')).toContainText('Give the program a title.');

    const title = `Founders Exchange ${info.project.name} ${Date.now() % 100000}`;
    await page.locator('input[name="title"]').fill(title);
    // Yesterday, so it can be marked held; a minute of its own per project and retry (a
    // cluster hosts one program a minute).
    const yesterday = new Date(Date.now() - 86_400_000);
    const day = `${yesterday.getFullYear()}-${pad(yesterday.getMonth() + 1)}-${pad(yesterday.getDate())}`;
    const minute = (Math.floor(Date.now() / 60_000) + (info.project.name === 'phone' ? 30 : 0) + info.retry * 7) % 1440;
    await page.locator('input[name="date"]').fill(day);
    await page.locator('input[name="start"]').fill(`${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`);
    await page.getByRole('button', { name: 'Record program' }).click();
    await expect(page.getByRole('status')).toHaveText("Saved. The cluster's numbers are updated.");
    const program = page.getByTestId('program').filter({ hasText: title });
    await expect(program.locator('.badge')).toHaveText('Planned');

    await program.getByLabel('Status').selectOption('held');
    await expect(program.locator('.badge')).toHaveText('Held');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: info.outputPath('leader-programs-phone.png'), fullPage: false });

    await program.getByRole('button', { name: 'Remove' }).click();
    await expect(program).toHaveCount(0);
  });
});
