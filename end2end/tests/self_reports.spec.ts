import { expect, test } from '@playwright/test';

import { hydrated, signIn } from '../session';

/** A month no other run of this test used: projects and retries each take their own. */
function reportMonth(projectIndex: number, retry: number): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - (projectIndex * 2 + retry));
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

test.describe('self-reports', () => {
  test.use({ storageState: { cookies: [], origins: [] }, viewport: { width: 360, height: 740 } });

  test('a member reports volunteer hours on a phone, staff verify them, and the cluster KPI follows', async ({ browser, page, request }, info) => {
    // Two KPI recomputes run in the requests (about 1.5 s each on the full demo in a debug build).
    test.setTimeout(90_000);
    const month = reportMonth(info.project.name === 'phone' ? 1 : 0, info.retry);
    const hours = 3.5;
    const description = `Food bank shift ${month} (${info.project.name})`;

    // The member's cluster KPI before: volunteer hours of cluster 1 (the demo member's) for the month.
    const explain = async () => {
      const response = await request.post('/api/validation/explain', {
        form: { metric: 'volunteer_hours', period: month, cluster: '1' },
        headers: { cookie: staffCookie },
      });
      expect(response.ok()).toBeTruthy();
      return (await response.json()) as { numerator: number | null };
    };
    const staffContext = await browser.newContext({ storageState: '.auth/staff.json' });
    const staffCookie = (await staffContext.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const before = (await explain()).numerator ?? 0;

    await signIn(page, 'member@demo.memberpulse.test');
    await expect(page).toHaveURL(/\/me\/reports$/);
    await hydrated(page);
    await page.locator('select[name="kind"]').selectOption('volunteer_hours');
    await page.locator('input[name="month"]').fill(month);
    await page.locator('input[name="hours"]').fill(String(hours));
    await page.getByLabel('What did you do?').fill(description);
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect(page.getByRole('status')).toContainText('Sent.');
    const mine = page.locator('li.report-list__item', { hasText: description });
    await expect(mine).toContainText('Waiting for staff');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: info.outputPath('member-reports-phone.png'), fullPage: true });

    const staffPage = await staffContext.newPage();
    await staffPage.goto('/self-reports');
    await hydrated(staffPage);
    const row = staffPage.locator('tr.report-queue__row', { hasText: description });
    await row.getByRole('button', { name: 'Verify' }).click();
    await expect(staffPage.getByRole('status')).toHaveText('1 value changed.');
    await expect(row).toHaveCount(0);
    await staffContext.close();

    await page.reload();
    await hydrated(page);
    await expect(mine).toContainText('Verified: counts');
    const after = (await explain()).numerator ?? 0;
    expect(after).toBeCloseTo(before + hours, 6);
  });
});
