import { expect, test, type Page } from '@playwright/test';

import { hydrated, signIn } from '../session';

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe('scorecards and leaderboards', () => {
  test('staff drill from the leaderboard to a cluster scorecard, and the deep link reloads', async ({ page, request }, info) => {
    await page.goto('/leaderboard?metric=active_member_share&period=2025&region=all');
    await hydrated(page);
    await expect(page.getByRole('heading', { name: /Active member share · 2025/ })).toBeVisible();
    const rows = page.locator('tr.leaderboard__row');
    expect(await rows.count()).toBeGreaterThan(100);
    await expect(rows.first().locator('td').first()).toHaveText('1');
    await page.screenshot({ path: info.outputPath('leaderboard.png'), fullPage: false });

    // The best cluster's scorecard, by clicking its name.
    const best = rows.first().getByRole('link');
    const label = (await best.textContent())?.trim() ?? '';
    await best.click();
    await expect(page).toHaveURL(/\/scorecard\?cluster=\d+&period=2025$/);
    await expect(page.locator('#scorecard-heading')).toHaveText(label);
    const url = page.url();
    const cluster = new URL(url).searchParams.get('cluster');

    // The page shows the numbers the server function returns.
    const staffCookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const response = await request.post('/api/scorecard/get', {
      form: { 'query[cluster]': cluster ?? '', 'query[period]': '2025', 'query[validated_only]': 'false' },
      headers: { cookie: staffCookie },
    });
    expect(response.ok()).toBeTruthy();
    const card = (await response.json()) as { groups: { lines: { metric: string; value_text: string }[] }[] };
    const lines = card.groups.flatMap((g) => g.lines);
    expect(lines.length).toBeGreaterThanOrEqual(27);
    for (const line of lines.slice(0, 10)) {
      const shown = page.locator(`li.scorecard-line[data-metric="${line.metric}"] [data-testid="value"]`);
      await expect(shown).toHaveText(line.value_text === '' ? '–' : line.value_text);
    }
    await page.screenshot({ path: info.outputPath('scorecard.png'), fullPage: false });

    // A reload lands on the same view; the back button returns to the leaderboard.
    await page.reload();
    await hydrated(page);
    await expect(page.locator('#scorecard-heading')).toHaveText(label);
    await page.goBack();
    await expect(page).toHaveURL(/\/leaderboard\?/);
    await expect(page.getByRole('heading', { name: /Active member share · 2025/ })).toBeVisible();
  });

  test.describe('on a phone', () => {
    test.use({ storageState: { cookies: [], origins: [] }, viewport: { width: 360, height: 740 } });

    test('a member sees their cluster scorecard, where it ranks in its region and their own participation', async ({ page }, info) => {
      await signIn(page, 'member@demo.memberpulse.test');
      await expect(page).toHaveURL(/\/me\/reports$/);

      await page.goto('/scorecard');
      await hydrated(page);
      await expect(page.locator('#scorecard-heading')).not.toBeEmpty();
      // Members pick no cluster and never reach the fact rows behind a number.
      await expect(page.locator('select[name="cluster"]')).toBeHidden();
      await expect(page.locator('li.scorecard-line .scorecard-line__name a')).toHaveCount(0);
      const lines = page.locator('li.scorecard-line');
      expect(await lines.count()).toBeGreaterThanOrEqual(27);
      await expect(page.getByTestId('completeness')).not.toBeEmpty();
      await noHorizontalScroll(page);
      await page.screenshot({ path: info.outputPath('member-scorecard-phone.png'), fullPage: false });

      await page.goto('/leaderboard');
      await hydrated(page);
      await expect(page.getByTestId('own-rank')).toContainText(/Your cluster (ranks|has no number)/);
      await expect(page.locator('tr.leaderboard__row--own')).toHaveCount(1);
      await noHorizontalScroll(page);
      await page.screenshot({ path: info.outputPath('member-leaderboard-phone.png'), fullPage: false });
      const other = await page.locator('tr.leaderboard__row:not(.leaderboard__row--own)').first().getAttribute('data-cluster');

      // Their own numbers beside the cluster's, and the events behind them.
      await page.goto('/me/participation');
      await hydrated(page);
      await expect(page.locator('.participation-table tbody tr')).toHaveCount(7);
      await expect(page.locator('tr[data-metric="forum_attendance"] [data-testid="cluster"]')).not.toBeEmpty();
      await noHorizontalScroll(page);
      await page.screenshot({ path: info.outputPath('member-participation-phone.png'), fullPage: false });

      // Another cluster's scorecard is refused, whatever the URL says.
      await page.goto(`/scorecard?cluster=${other}`);
      await expect(page.getByRole('alert')).toBeVisible();
      await expect(page.locator('li.scorecard-line')).toHaveCount(0);
    });
  });
});
