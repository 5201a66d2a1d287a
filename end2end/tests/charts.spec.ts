import { expect, test, type Page } from '@playwright/test';

import { firstHeatmapCell } from '../chart_points';
import { hydrated } from '../session';

type Cell = { Text: string } | { Number: { value: number | null; text: string } };
type Chart = { title: string; table: { columns: string[]; rows: Cell[][] }; links: (string | null)[] };

const cellText = (cell: Cell) => ('Text' in cell ? cell.Text : cell.Number.text);

/** Collects content-security-policy violations, which would mean a chart broke the policy. */
async function watchPolicy(page: Page) {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

async function cookieHeader(page: Page) {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

test.describe('charts', () => {
  test('the leaderboard ranks clusters as bars, its table shows the server function\'s numbers, and a bar drills into the scorecard', async ({ page, request }, info) => {
    const violations = await watchPolicy(page);
    await page.goto('/leaderboard?metric=active_member_share&period=2025&region=1');
    await hydrated(page);
    const figure = page.locator('figure[data-chart="ranking"]');
    await expect(figure).toHaveAttribute('data-state', 'drawn');
    await expect(figure.locator('canvas')).toBeVisible();
    await page.screenshot({ path: info.outputPath('ranking-chart.png'), fullPage: false });

    // The table view holds exactly the numbers the server function returned.
    const response = await request.post('/api/leaderboard/get', {
      form: { 'query[metric]': 'active_member_share', 'query[period]': '2025', 'query[region]': '1', 'query[validated_only]': 'false' },
      headers: { cookie: await cookieHeader(page) },
    });
    expect(response.ok()).toBeTruthy();
    const chart = ((await response.json()) as { chart: Chart }).chart;
    await figure.getByRole('button', { name: 'Show as table' }).click();
    await expect(figure.locator('canvas')).toBeHidden();
    const table = figure.locator('table');
    await expect(table).toBeVisible();
    await expect(table.locator('thead th')).toHaveText(chart.table.columns);
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(chart.table.rows.length);
    for (const [index, row] of chart.table.rows.entries()) {
      await expect(rows.nth(index).locator('td')).toHaveText(row.map(cellText));
    }
    await page.screenshot({ path: info.outputPath('ranking-table.png'), fullPage: false });

    // Downloads carry the same filters.
    await expect(figure.getByTestId('chart-csv')).toHaveAttribute(
      'href',
      '/exports/charts/leaderboard.csv?metric=active_member_share&period=2025&region=1',
    );

    // Back to the chart, then click the best cluster's bar.
    await figure.getByRole('button', { name: 'Show as chart' }).click();
    await expect(figure.locator('canvas')).toBeVisible();
    const point = await page.evaluate(() => {
      const element = document.querySelector('figure[data-chart="ranking"] .chart__canvas') as HTMLElement;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const instance = (window as any).memberpulseCharts.chartOf(element);
      const option = instance.getOption();
      const value = option.series[0].data[0].value;
      const [x, y] = instance.convertToPixel({ seriesIndex: 0 }, [0, value / 2]);
      // Bring the point to the middle of the viewport, then say where it is.
      window.scrollBy(0, element.getBoundingClientRect().top + y - window.innerHeight / 2);
      const box = element.getBoundingClientRect();
      return { x: box.left + x, y: box.top + y };
    });
    await page.mouse.click(point.x, point.y);
    await expect(page).toHaveURL(chart.links[0] ?? 'no link');
    await expect(page.locator('#scorecard-heading')).toHaveText(cellText(chart.table.rows[0][1]));
    expect(violations).toEqual([]);
  });

  test('charts are painted from the option the server rendered before the app has loaded, and the app takes them over', async ({ page }) => {
    const violations = await watchPolicy(page);
    // Without the WASM the app never hydrates: only the chart script can paint.
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto('/leaderboard?metric=active_member_share&period=2025&region=1');
    const figure = page.locator('figure[data-chart="ranking"]');
    await expect(figure).toHaveAttribute('data-state', 'painted');
    await expect(figure.locator('canvas')).toBeVisible();
    await expect(figure.locator('.chart__skeleton')).toBeHidden();
    await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(0);

    // With the WASM, the painted chart becomes the app's (one chart, clickable).
    await page.unroute('**/*.wasm');
    await page.reload();
    await hydrated(page);
    await expect(figure).toHaveAttribute('data-state', 'drawn');
    await expect(figure.locator('canvas')).toHaveCount(1);
    await expect(figure.locator('.chart__skeleton')).toHaveCount(0);
    expect(violations).toEqual([]);
  });

  test('a page fetches only the ECharts bundle of the charts it opens with, and a chart of another kind brings the full one', async ({ page }) => {
    const bundles: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/echarts')) bundles.push(path);
    });
    await page.goto('/');
    await hydrated(page);
    await expect(page.locator('.pulse__trend figure[data-state="drawn"]').first()).toBeVisible();
    expect(bundles).toEqual(['/echarts-trend.min.js']);

    // In the app, on to a cluster's scorecard: the trend bundle draws no gauge or radar.
    await page.getByTestId('top-clusters').locator('a').first().click();
    await expect(page).toHaveURL(/\/scorecard\?/);
    await expect(page.locator('#gauge figure[data-chart="gauge"]')).toHaveAttribute('data-state', 'drawn');
    await expect(page.locator('#profile figure[data-chart="radar"]')).toHaveAttribute('data-state', 'drawn');
    await expect(page.locator('#trend figure[data-chart="trend"]')).toHaveAttribute('data-state', 'drawn');
    expect(bundles).toEqual(['/echarts-trend.min.js', '/echarts.min.js']);
  });

  test('a scorecard charts the chosen metric\'s trend with its green band, and the choice lives in the URL', async ({ page }, info) => {
    const violations = await watchPolicy(page);
    await page.goto('/scorecard?cluster=3&period=2025&metric=forum_attendance');
    await hydrated(page);
    const figure = page.locator('#trend figure[data-chart="trend"]');
    await expect(figure).toHaveAttribute('data-state', 'drawn');
    await expect(figure.locator('.chart__title')).toHaveText(/over time/);
    const first = (await figure.locator('.chart__title').textContent()) ?? '';
    // The gauge and the profile radar of the same metric's group are drawn too.
    await expect(page.locator('#gauge figure[data-chart="gauge"]')).toHaveAttribute('data-state', 'drawn');
    const radar = page.locator('#profile figure[data-chart="radar"]');
    await expect(radar).toHaveAttribute('data-state', 'drawn');
    await radar.getByRole('button', { name: 'Show as table' }).click();
    await expect(radar.locator('thead th')).toHaveText(['Metric', 'This cluster', 'Region median', 'Similar-size clusters (median)']);
    await radar.getByRole('button', { name: 'Show as chart' }).click();
    await page.locator('.scorecard__charts').screenshot({ path: info.outputPath('scorecard-charts.png') });

    // Chart another metric from its line; reload keeps it.
    const line = page.locator('li.scorecard-line[data-metric="active_member_share"]');
    await line.getByRole('link', { name: 'Chart the trend' }).click();
    await expect(page).toHaveURL(/metric=active_member_share/);
    await expect(figure.locator('.chart__title')).not.toHaveText(first);
    await expect(figure).toHaveAttribute('data-state', 'drawn');
    await expect(line.getByRole('link', { name: 'Chart the trend' })).toHaveAttribute('aria-current', 'true');
    await page.reload();
    await hydrated(page);
    await expect(page.locator('#trend figure')).toHaveAttribute('data-state', 'drawn');
    await expect(page.locator('#trend .chart__title')).toHaveText(/Active member share/);
    expect(violations).toEqual([]);
  });

  test('staff drill from the organization to a region\'s heatmap and from a cell to the cluster\'s trend', async ({ page }, info) => {
    const violations = await watchPolicy(page);
    await page.goto('/');
    await hydrated(page);
    const region = page.locator('h2.region__name a').first();
    const regionName = ((await region.textContent()) ?? '').trim();
    await region.click();
    await expect(page).toHaveURL(/\/region\?region=\d+$/);
    await expect(page.locator('.breadcrumb [aria-current="page"]')).toHaveText(regionName);
    const figure = page.locator('figure[data-chart="heatmap"]');
    await expect(figure).toHaveAttribute('data-state', 'drawn');
    await page.screenshot({ path: info.outputPath('region-heatmap.png'), fullPage: true });

    // Click the first coloured cell: it opens that cluster's scorecard with the metric charted.
    const cell = await firstHeatmapCell(page, 'figure[data-chart="heatmap"]');
    await page.mouse.click(cell.x, cell.y);
    await expect(page).toHaveURL(/\/scorecard\?cluster=\d+&period=[^&]+&metric=[a-z_]+#trend$/);
    await expect(page.locator('#trend figure')).toHaveAttribute('data-state', 'drawn');
    await page.goBack();
    await expect(page).toHaveURL(/\/region\?region=\d+$/);
    await page.locator('.breadcrumb a').click();
    await expect(page).toHaveURL(/\/$/);
    expect(violations).toEqual([]);
  });
});
