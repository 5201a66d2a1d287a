import { expect, test, type Page } from '@playwright/test';

import { firstHeatmapCell } from '../chart_points';
import { hydrated, signIn } from '../session';

type Cell = { Text: string } | { Number: { value: number | null; text: string } };
type Chart = { title: string; table: { columns: string[]; rows: Cell[][] } };

const cellText = (cell: Cell) => ('Text' in cell ? cell.Text : cell.Number.text);

async function cookieHeader(page: Page) {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

/** The period before `key` of the same grain: `2025` → `2024`, `2025-Q1` → `2024-Q4`,
 * `2025-01` → `2024-12`. */
function previousPeriod(key: string) {
  const quarter = /^(\d{4})-Q(\d)$/.exec(key);
  if (quarter) {
    const [year, q] = [Number(quarter[1]), Number(quarter[2])];
    return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
  }
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) {
    const [year, m] = [Number(month[1]), Number(month[2])];
    return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
  }
  return String(Number(key) - 1);
}

/** The page scrolls sideways: something is wider than the screen. */
async function scrollsSideways(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

test.describe('dashboards', () => {
  test('staff build a dashboard: add, move, resize and remove charts, save, and each draws the server\'s numbers', async ({
    page,
    request,
  }, info) => {
    test.setTimeout(90_000);
    const name = `Dues watch ${info.project.name}`;
    await page.goto('/dashboards');
    await hydrated(page);
    await expect(page.getByRole('heading', { name: 'Dashboards', level: 1 })).toBeVisible();
    await expect(page.getByTestId('dashboard-list')).toContainText('Organization at a glance');

    // A name is asked for before anything is sent.
    await page.getByRole('button', { name: 'Create and edit' }).click();
    await expect(page.getByRole('alert')).toContainText('Give the dashboard a name');
    await page.getByTestId('dashboard-new-name').fill(name);
    await page.getByRole('button', { name: 'Create and edit' }).click();
    await expect(page).toHaveURL(/\/dashboard\?id=\d+&edit=1$/);
    const id = new URL(page.url()).searchParams.get('id');
    const editor = page.getByTestId('dashboard-editor');
    await expect(editor).toBeVisible();
    await expect(editor).toContainText('This dashboard has no charts yet');

    // Three charts added; the first becomes a full-width ranking of dues paid on time.
    const add = page.getByTestId('dashboard-add-widget');
    await add.click();
    await add.click();
    await add.click();
    const rows = page.getByTestId('widget-row');
    await expect(rows).toHaveCount(3);
    await rows.nth(0).getByTestId('widget-chart').selectOption('ranking');
    await rows.nth(0).getByTestId('widget-metric').selectOption('dues_on_time');
    await rows.nth(0).getByTestId('widget-width').selectOption('full');
    await rows.nth(1).getByTestId('widget-metric').selectOption('renewal_rate');
    await rows.nth(1).getByTestId('widget-width').selectOption('half');
    // The trend moves up above the ranking; the third chart goes again.
    await rows.nth(1).getByTestId('widget-up').click();
    await expect(rows.nth(0).getByTestId('widget-chart')).toHaveValue('trend');
    await expect(rows.nth(1).getByTestId('widget-chart')).toHaveValue('ranking');
    await expect(rows.nth(0).getByTestId('widget-up')).toBeDisabled();
    if (info.project.name === 'desktop') {
      // With a mouse, the third chart is dragged by its grip to the first place, and goes.
      await rows.nth(2).getByTestId('widget-grip').hover();
      await page.mouse.down();
      // The first move starts the drag; the second is over the first row, in view.
      await rows.nth(0).hover();
      await rows.nth(0).hover();
      await page.mouse.up();
      await expect(rows.nth(1).getByTestId('widget-metric')).toHaveValue('renewal_rate');
      await expect(rows.nth(2).getByTestId('widget-chart')).toHaveValue('ranking');
      await rows.nth(0).getByTestId('widget-remove').click();
    } else {
      // Touch screens move charts by the buttons only.
      await rows.nth(2).getByTestId('widget-remove').click();
    }
    await expect(rows).toHaveCount(2);
    await page.screenshot({ path: info.outputPath('dashboard-editor.png'), fullPage: true });
    await page.getByTestId('dashboard-save').click();

    // Saved: the charts, in the new order and widths, each drawn.
    await expect(editor).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`/dashboard\\?id=${id}$`));
    const widgets = page.getByTestId('dashboard-widget');
    await expect(widgets).toHaveCount(2);
    await expect(widgets.nth(0)).toHaveAttribute('data-widget', 'trend');
    await expect(widgets.nth(0)).toHaveClass(/dashboard__widget--half/);
    await expect(widgets.nth(1)).toHaveAttribute('data-widget', 'ranking');
    await expect(widgets.nth(1)).toHaveClass(/dashboard__widget--full/);
    for (const index of [0, 1]) {
      await expect(widgets.nth(index).locator('figure')).toHaveAttribute('data-state', 'drawn');
    }
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: info.outputPath('dashboard-built.png'), fullPage: true });

    // The ranking's table shows exactly what the server function returns.
    const cookie = await cookieHeader(page);
    const opened = await request.post('/api/dashboards/get', {
      form: { 'query[id]': id ?? '', 'query[validated_only]': 'false' },
      headers: { cookie },
    });
    expect(opened.ok()).toBeTruthy();
    const period = ((await opened.json()) as { period: string }).period;
    const response = await request.post('/api/dashboards/widget', {
      form: {
        'query[dashboard]': id ?? '',
        'query[widget][chart]': 'Ranking',
        'query[widget][metric]': 'dues_on_time',
        'query[widget][width]': 'Full',
        'query[period]': period,
        'query[validated_only]': 'false',
      },
      headers: { cookie },
    });
    expect(response.ok()).toBeTruthy();
    const chart = ((await response.json()) as { Chart: Chart }).Chart;
    const ranking = widgets.nth(1).locator('figure');
    await ranking.getByRole('button', { name: 'Show as table' }).click();
    const table = ranking.locator('table');
    await expect(table.locator('thead th')).toHaveText(chart.table.columns);
    await expect(table.locator('tbody tr')).toHaveCount(chart.table.rows.length);
    for (const [index, row] of chart.table.rows.slice(0, 5).entries()) {
      await expect(table.locator('tbody tr').nth(index).locator('td')).toHaveText(row.map(cellText));
    }

    // Kept: a reload shows the same dashboard.
    await page.reload();
    await hydrated(page);
    await expect(page.getByTestId('dashboard-name')).toHaveText(name);
    await expect(widgets).toHaveCount(2);
  });

  test('a chart pinned to a region and the period before shows them wherever the dashboard is opened', async ({
    page,
    request,
  }, info) => {
    test.setTimeout(90_000);
    await page.goto('/dashboards');
    await hydrated(page);
    await page.getByTestId('dashboard-new-name').fill(`Pinned ${info.project.name}`);
    await page.getByRole('button', { name: 'Create and edit' }).click();
    await expect(page).toHaveURL(/\/dashboard\?id=\d+&edit=1$/);
    const id = new URL(page.url()).searchParams.get('id') ?? '';
    const cookie = await cookieHeader(page);
    const opened = await request.post('/api/dashboards/get', {
      form: { 'query[id]': id, 'query[validated_only]': 'false' },
      headers: { cookie },
    });
    const view = (await opened.json()) as { period: string; regions: { value: string; label: string }[] };
    const [region, other] = view.regions.filter((r) => r.value !== '');

    // The first chart ranks one region's clusters in the period before the dashboard's;
    // the second follows the dashboard.
    const add = page.getByTestId('dashboard-add-widget');
    await add.click();
    await add.click();
    const rows = page.getByTestId('widget-row');
    await rows.nth(0).getByTestId('widget-chart').selectOption('ranking');
    await rows.nth(0).getByTestId('widget-metric').selectOption('renewal_rate');
    await rows.nth(0).getByTestId('widget-scope').selectOption(`region:${region.value}`);
    await rows.nth(0).getByTestId('widget-period').selectOption('previous');
    await rows.nth(1).getByTestId('widget-chart').selectOption('ranking');
    await rows.nth(1).getByTestId('widget-metric').selectOption('renewal_rate');
    await page.getByTestId('dashboard-save').click();
    await expect(page.getByTestId('dashboard-editor')).toHaveCount(0);

    const widgets = page.getByTestId('dashboard-widget');
    await expect(widgets.nth(0).getByTestId('widget-pin')).toHaveText(`Pinned: ${region.label} · The period before`);
    await expect(widgets.nth(1).getByTestId('widget-pin')).toHaveCount(0);

    // The pinned chart holds the leaderboard of that region in the period before.
    const previous = previousPeriod(view.period);
    const response = await request.post('/api/leaderboard/get', {
      form: {
        'query[metric]': 'renewal_rate',
        'query[period]': previous,
        'query[region]': region.value,
        'query[validated_only]': 'false',
      },
      headers: { cookie },
    });
    expect(response.ok()).toBeTruthy();
    const expected = ((await response.json()) as { chart: Chart }).chart;
    const shown = async () => {
      const figure = widgets.nth(0).locator('figure');
      await expect(figure).toHaveAttribute('data-state', 'drawn');
      await figure.getByRole('button', { name: 'Show as table' }).click();
      const table = figure.locator('table');
      await expect(table.locator('tbody tr')).toHaveCount(expected.table.rows.length);
      for (const [index, row] of expected.table.rows.slice(0, 3).entries()) {
        await expect(table.locator('tbody tr').nth(index).locator('td')).toHaveText(row.map(cellText));
      }
    };
    await shown();
    await page.screenshot({ path: info.outputPath('dashboard-pinned.png'), fullPage: true });

    // Opened on another region, the pinned chart still shows its own; the other follows.
    await page.goto(`/dashboard?id=${id}&region=${other.value}`);
    await hydrated(page);
    await shown();
    await expect(widgets.nth(1).locator('figure')).toHaveAttribute('data-state', 'drawn');

    // The editor shows the pins as saved.
    await page.getByTestId('dashboard-edit').click();
    await expect(rows.nth(0).getByTestId('widget-scope')).toHaveValue(`region:${region.value}`);
    await expect(rows.nth(0).getByTestId('widget-period')).toHaveValue('previous');
    await expect(rows.nth(1).getByTestId('widget-scope')).toHaveValue('');
  });

  test('every shipped dashboard opens on the organization, and on a cluster its gauges and radar draw', async ({ page }, info) => {
    test.setTimeout(120_000);
    await page.goto('/dashboards');
    await hydrated(page);
    const names = [
      'Organization at a glance',
      'Region health',
      'Cluster profile',
      'Forum attendance across clusters',
      'Community and leaderboard',
    ];
    for (const name of names) {
      await page.goto('/dashboards');
      await hydrated(page);
      await page.getByRole('link', { name, exact: true }).click();
      await expect(page.getByTestId('dashboard-name')).toHaveText(name);
      const widgets = page.getByTestId('dashboard-widget');
      const count = await widgets.count();
      expect(count).toBeGreaterThan(0);
      for (let index = 0; index < count; index += 1) {
        // Each widget draws its chart, or says a cluster must be chosen first.
        await expect(
          widgets.nth(index).locator('figure[data-state="drawn"], p.notice'),
        ).toBeVisible();
      }
      expect(await scrollsSideways(page)).toBe(false);
      await page.screenshot({ path: info.outputPath(`dashboard-${name.replace(/\W+/g, '-')}.png`), fullPage: true });
    }

    // Drilling down by clicking: a region's row of the organization's heatmap opens the
    // same dashboard on that region, its best cluster's bar on that cluster, whose
    // scorecard lists its members.
    await page.goto('/dashboards');
    await hydrated(page);
    await page.getByRole('link', { name: 'Organization at a glance', exact: true }).click();
    await hydrated(page);
    const heatmap = 'figure[data-chart="heatmap"]';
    await expect(page.locator(heatmap)).toHaveAttribute('data-state', 'drawn');
    const cell = await firstHeatmapCell(page, heatmap);
    await page.mouse.click(cell.x, cell.y);
    await expect(page).toHaveURL(/\/dashboard\?id=\d+&region=\d+&period=/);
    const ranking = page.locator('figure[data-chart="ranking"]');
    await expect(ranking).toHaveAttribute('data-state', 'drawn');
    const bar = await page.evaluate(() => {
      const element = document.querySelector('figure[data-chart="ranking"] .chart__canvas') as HTMLElement;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const instance = (window as any).memberpulseCharts.chartOf(element);
      const value = instance.getOption().series[0].data[0].value;
      const [x, y] = instance.convertToPixel({ seriesIndex: 0 }, [0, value / 2]);
      window.scrollBy(0, element.getBoundingClientRect().top + y - window.innerHeight / 2);
      const box = element.getBoundingClientRect();
      return { x: box.left + x, y: box.top + y };
    });
    await page.mouse.click(bar.x, bar.y);
    await expect(page).toHaveURL(/\/dashboard\?id=\d+&cluster=\d+&period=/);
    await expect(page.getByTestId('dashboard-name')).toHaveText('Organization at a glance');
    await expect(page.getByRole('navigation', { name: 'You are here' }).getByRole('link')).toHaveCount(3);
    await page.getByTestId('dashboard-scorecard').click();
    await expect(page).toHaveURL(/\/scorecard\?cluster=\d+/);
    await expect(page.locator('a[href^="/member?id="]').first()).toBeAttached();

    // The cluster profile on one cluster: every gauge and the radar draw; the breadcrumb
    // leads back up to its region and the organization, and the URL reloads to the same view.
    await page.goto('/dashboards');
    await hydrated(page);
    await page.getByRole('link', { name: 'Cluster profile', exact: true }).click();
    await hydrated(page);
    await expect(page.getByTestId('dashboard-widget').first().locator('p.notice')).toContainText('choose a cluster');
    const cluster = page.locator('select[name="cluster"]');
    const first = await cluster.locator('option').nth(1).getAttribute('value');
    await cluster.selectOption(first ?? '');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(new RegExp(`cluster=${first}`));
    const widgets = page.getByTestId('dashboard-widget');
    await expect(widgets.locator('figure[data-chart="gauge"][data-state="drawn"]')).toHaveCount(3);
    await expect(widgets.locator('figure[data-chart="radar"][data-state="drawn"]')).toHaveCount(1);
    const breadcrumb = page.getByRole('navigation', { name: 'You are here' });
    await expect(breadcrumb.getByRole('link')).toHaveCount(3);
    await page.reload();
    await hydrated(page);
    await expect(widgets.locator('figure[data-chart="gauge"][data-state="drawn"]')).toHaveCount(3);
    await page.screenshot({ path: info.outputPath('dashboard-cluster-profile.png'), fullPage: true });
    await breadcrumb.getByRole('link').nth(2).click();
    await expect(page).toHaveURL(/region=\d+/);
    await expect(page).not.toHaveURL(/cluster=/);
  });

  test.describe('as an admin', () => {
    test.use({ storageState: { cookies: [], origins: [] } });

    test('a copy opens in the editor and is deleted; a deleted shipped dashboard comes back on restore', async ({ page }) => {
      test.setTimeout(60_000);
      await signIn(page, 'admin@demo.memberpulse.test', '/sign-in?next=/dashboards');
      await expect(page).toHaveURL(/\/dashboards$/);
      await hydrated(page);
      const list = page.getByTestId('dashboard-list');

      await list.getByRole('button', { name: 'Copy Region health', exact: true }).click();
      await expect(page).toHaveURL(/edit=1/);
      await expect(page.getByTestId('dashboard-name-input')).toHaveValue('Region health (copy)');
      await expect(page.getByTestId('widget-row')).toHaveCount(3);
      await page.getByTestId('dashboard-cancel').click();
      await expect(page.getByTestId('dashboard-widget')).toHaveCount(3);

      await page.goto('/dashboards');
      await hydrated(page);
      const copies = list.locator('li').filter({ hasText: 'Region health (copy)' });
      const before = await copies.count();
      await copies.first().getByRole('button', { name: 'Delete' }).click();
      await copies.first().getByRole('button', { name: 'Delete', exact: true }).click();
      await expect(copies).toHaveCount(before - 1);

      const community = list.locator('li').filter({ hasText: 'Community and leaderboard' });
      await community.getByRole('button', { name: 'Delete' }).click();
      await community.getByRole('button', { name: 'Delete', exact: true }).click();
      await expect(community).toHaveCount(0);
      await page.getByRole('button', { name: 'Restore the shipped dashboards' }).click();
      await page.getByRole('button', { name: 'Restore the shipped dashboards' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'back as they shipped' })).toBeVisible();
      await expect(community).toHaveCount(1);
    });
  });
});
