import { expect, test } from '@playwright/test';

import { firstHeatmapCell } from '../chart_points';
import { hydrated } from '../session';

type Cell = { Text: string } | { Number: { value: number | null; text: string } };
const cellText = (cell: Cell) => ('Text' in cell ? cell.Text : cell.Number.text);

test.describe('metric explorer', () => {
  test('staff explore one metric by region, drill into a region, a cluster\'s scorecard and on to a member', async ({ page }, info) => {
    await page.goto('/explorer?metric=forum_attendance&grain=year');
    await hydrated(page);
    const heatmap = page.locator('figure[data-chart="heatmap"]');
    const trend = page.locator('figure[data-chart="trend"]');
    await expect(heatmap).toHaveAttribute('data-state', 'drawn');
    await expect(trend).toHaveAttribute('data-state', 'drawn');
    await page.screenshot({ path: info.outputPath('explorer-regions.png'), fullPage: true });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);

    // The heatmap's table shows the server function's numbers.
    const response = await page.request.post('/api/explorer/get', {
      form: { 'query[metric]': 'forum_attendance', 'query[grain]': 'year', 'query[validated_only]': 'false' },
    });
    expect(response.ok()).toBeTruthy();
    const data = (await response.json()) as { heatmap: { table: { columns: string[]; rows: Cell[][] } } };
    await heatmap.getByRole('button', { name: 'Show as table' }).click();
    const rows = heatmap.locator('tbody tr');
    await expect(rows).toHaveCount(data.heatmap.table.rows.length);
    for (const [index, row] of data.heatmap.table.rows.entries()) {
      await expect(rows.nth(index).locator('td')).toHaveText(row.map(cellText));
    }
    await heatmap.getByRole('button', { name: 'Show as chart' }).click();

    // A region's cell opens the region's clusters, with a breadcrumb back.
    const region = await firstHeatmapCell(page, 'figure[data-chart="heatmap"]');
    await page.mouse.click(region.x, region.y);
    await expect(page).toHaveURL(/\/explorer\?metric=forum_attendance&grain=year&region=\d+$/);
    await expect(page.locator('.breadcrumb [aria-current="page"]')).not.toHaveText('All regions');
    await expect(heatmap).toHaveAttribute('data-state', 'drawn');
    await page.screenshot({ path: info.outputPath('explorer-clusters.png'), fullPage: true });

    // A cluster's cell opens its scorecard with this metric charted.
    const cluster = await firstHeatmapCell(page, 'figure[data-chart="heatmap"]');
    await page.mouse.click(cluster.x, cluster.y);
    await expect(page).toHaveURL(/\/scorecard\?cluster=\d+&period=\d{4}&metric=forum_attendance#trend$/);

    // And on to a member: their participation, with the way back to the cluster.
    const member = page.locator('.member-list a').first();
    const name = ((await member.textContent()) ?? '').trim();
    await member.click();
    await expect(page).toHaveURL(/\/member\?id=\d+&period=\d{4}$/);
    await expect(page.getByTestId('member-name')).toHaveText(name);
    await expect(page.locator('table.participation-table tbody tr')).toHaveCount(7);
    await page.screenshot({ path: info.outputPath('explorer-member.png'), fullPage: true });
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.goBack();
    await expect(page).toHaveURL(/\/scorecard\?cluster=\d+/);
    await page.goBack();
    await expect(page).toHaveURL(/region=\d+$/);
    await page.locator('.breadcrumb a', { hasText: 'All regions' }).click();
    await expect(page).toHaveURL(/\/explorer\?metric=forum_attendance&grain=year$/);
  });
});
