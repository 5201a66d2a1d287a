import { expect, test } from '@playwright/test';

import { hydrated, signIn } from '../session';

test.describe('board seats and terms', () => {
  test.use({ storageState: { cookies: [], origins: [] }, viewport: { width: 360, height: 740 } });

  test('a leader adds a seat on a phone, gives it a holder, and takes both back', async ({ page }, info) => {
    // Each write recomputes the board KPIs in the request.
    test.setTimeout(60_000);
    await signIn(page, 'leader@demo.memberpulse.test');
    await expect(page).toHaveURL(/\/plan$/);

    await page.goto('/board');
    await hydrated(page);
    // The form refuses a seat without a title before sending anything.
    await page.getByRole('button', { name: 'Add seat' }).click();
    await expect(page.getByRole('alert')).toContainText('Give the seat a title.');

    const title = `Events ${info.project.name} ${Date.now() % 100000}`;
    await page.locator('input[name="title"]').fill(title);
    await page.getByRole('button', { name: 'Add seat' }).click();
    await expect(page.getByRole('status')).toHaveText("Saved. The cluster's numbers are updated.");
    const seat = page.getByTestId('board-seat').filter({ hasText: title });
    await expect(seat.getByTestId('seat-holder')).toHaveText('Vacant');

    const member = seat.locator('select[name="member"] option').nth(1);
    const memberName = ((await member.textContent()) ?? '').trim();
    expect(memberName).not.toBe('');
    await seat.locator('select[name="member"]').selectOption({ index: 1 });
    await seat.getByRole('button', { name: 'Start term' }).click();
    await expect(seat.getByTestId('seat-holder')).toContainText(memberName);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: info.outputPath('leader-board-phone.png'), fullPage: false });

    await seat.getByRole('button', { name: 'Remove term' }).click();
    await expect(seat.getByTestId('seat-holder')).toHaveText('Vacant');
    await seat.getByRole('button', { name: 'Remove seat' }).click();
    await expect(seat).toHaveCount(0);
  });
});
