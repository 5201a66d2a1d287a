import { expect, test } from '@playwright/test';

/** The overview as the server function returns it. */
type Overview = {
  organization_name: string;
  as_of: string;
  regions: { code: string; name: string; clusters: { code: string; name: string; city: string; member_count: number; leader: string | null }[] }[];
};

async function overviewFromApi(request: import('@playwright/test').APIRequestContext): Promise<Overview> {
  const response = await request.post('/api/organization/overview');
  expect(response.ok()).toBeTruthy();
  return (await response.json()) as Overview;
}

async function openOverview(page: import('@playwright/test').Page) {
  await page.goto('/');
  await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
}

test('the health check reports the database', async ({ request }) => {
  const response = await request.get('/healthz');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
});

test('the overview shows every region and cluster with the numbers the server returns', async ({ page, request }, info) => {
  const overview = await overviewFromApi(request);
  expect(overview.regions.length).toBeGreaterThan(0);
  await openOverview(page);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Regions and clusters');
  await expect(page.locator('section.region')).toHaveCount(overview.regions.length);
  const clusters = overview.regions.flatMap((r) => r.clusters);
  await expect(page.locator('tr.cluster-table__row')).toHaveCount(clusters.length);

  const members = clusters.reduce((sum, c) => sum + c.member_count, 0);
  const tiles = page.locator('.stat-tile__value');
  await expect(tiles.nth(1)).toHaveText(clusters.length.toLocaleString('en-US'));
  await expect(tiles.nth(2)).toHaveText(members.toLocaleString('en-US'));

  // One cluster's row carries exactly its numbers and leader.
  const sample = clusters[Math.floor(clusters.length / 2)];
  const row = page.locator(`tr[data-cluster="${sample.code}"]`);
  await expect(row.locator('td.numeric')).toHaveText(sample.member_count.toLocaleString('en-US'));
  await expect(row.locator('td').last()).toHaveText(sample.leader ?? 'No leader');

  await page.screenshot({ path: info.outputPath('organization-overview.png'), fullPage: false });
});

test('the search narrows the clusters as you type', async ({ page, request }) => {
  const overview = await overviewFromApi(request);
  const clusters = overview.regions.flatMap((r) => r.clusters);
  const target = clusters[0];
  const needle = target.code.toLowerCase();
  const expected = clusters.filter((c) => `${c.name} ${c.city} ${c.code} ${c.leader ?? ''}`.toLowerCase().includes(needle)).length;
  await openOverview(page);

  await page.getByLabel('Find a cluster').fill(target.code);
  await expect(page.locator('tr.cluster-table__row:visible')).toHaveCount(expected);
  await expect(page.locator(`tr[data-cluster="${target.code}"]`)).toBeVisible();

  await page.getByLabel('Find a cluster').fill('no cluster is called this');
  await expect(page.locator('tr.cluster-table__row:visible')).toHaveCount(0);
  await expect(page.getByText('No cluster matches your search.')).toBeVisible();
});

test('the overview fits a 360 px phone without horizontal scrolling', async ({ page }, info) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openOverview(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: info.outputPath('organization-overview-phone.png') });
});

test('German browsers get German text and number formats', async ({ browser, request }) => {
  const overview = await overviewFromApi(request);
  const members = overview.regions.flatMap((r) => r.clusters).reduce((sum, c) => sum + c.member_count, 0);
  const context = await browser.newContext({ storageState: '.auth/staff.json', locale: 'de-DE', extraHTTPHeaders: { 'Accept-Language': 'de-DE,de;q=0.9' } });
  const page = await context.newPage();
  await openOverview(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Regionen und Cluster');
  await expect(page.locator('.stat-tile__value').nth(2)).toHaveText(members.toLocaleString('de-DE'));
  await context.close();
});

test('an unknown address answers 404 with a way back', async ({ page }) => {
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Back to the overview' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('the staff pages hydrate under the Content-Security-Policy without violations', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  for (const path of ['/', '/validation', '/metrics', '/plan', '/self-reports']) {
    const response = await page.goto(path);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'nonce-");
    await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
  }
  expect(violations).toEqual([]);
});

test('the pulse shows the signals, the clusters most and least on track and the key metrics\' trends', async ({ page, request }, info) => {
  const response = await request.post('/api/organization/pulse', { form: { 'query[validated_only]': 'false' } });
  expect(response.ok()).toBeTruthy();
  const pulse = (await response.json()) as {
    counts: { green: number; amber: number; red: number; none: number };
    top: { label: string; href: string }[];
    trends: { metric: string }[];
  };
  await openOverview(page);
  const section = page.locator('section.pulse');
  const counts = section.locator('.scorecard__count dd');
  const { green, amber, red, none } = pulse.counts;
  await expect(counts).toHaveText([green, amber, red, none].map((n) => n.toLocaleString('en-US')));
  await expect(section.getByTestId('top-clusters').locator('li')).toHaveCount(pulse.top.length);
  await expect(section.getByTestId('top-clusters').locator('a').first()).toHaveText(pulse.top[0].label);
  await expect(section.locator('.pulse__trend figure[data-state="drawn"]')).toHaveCount(pulse.trends.length);
  await page.screenshot({ path: info.outputPath('overview-pulse.png'), fullPage: false });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await section.getByTestId('top-clusters').locator('a').first().click();
  await expect(page).toHaveURL((url) => url.pathname + url.search === pulse.top[0].href);
});
