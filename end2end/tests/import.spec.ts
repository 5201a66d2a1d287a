import { expect, test } from '@playwright/test';

import { hydrated } from '../session';

const HEADER = 'event_ref,member_number,joined_at\n';

/** A file for the file chooser. */
function csv(name: string, text: string) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf-8') };
}

test.describe('attendance import', () => {
  test('staff check a file, see its problems, import a clean one once and the KPIs follow', async ({ page, request }, info) => {
    test.setTimeout(90_000);
    // An attendance the demo does not have yet: the first candidate the server would
    // create. Each project tries its own members, so parallel runs never race.
    const offset = info.project.name === 'desktop' ? 1 : 501;
    let row = '';
    for (let i = 0; i < 60 && !row; i += 1) {
      const event = `EV-${String(1 + (i % 30)).padStart(7, '0')}`;
      const member = `M${String(offset + i).padStart(6, '0')}`;
      const response = await request.post('/imports/attendances?commit=false&name=probe.csv', {
        data: Buffer.from(`${HEADER}${event},${member},\n`, 'utf-8'),
        headers: { 'Content-Type': 'application/octet-stream' },
      });
      expect(response.ok()).toBeTruthy();
      const report = (await response.json()) as { created: number; problem_count: number };
      if (report.created === 1 && report.problem_count === 0) {
        row = `${event},${member},\n`;
      }
    }
    expect(row, 'a new attendance to import').not.toBe('');

    await page.goto('/import');
    await hydrated(page);
    await expect(page.getByRole('heading', { name: 'Import facts' })).toBeVisible();
    await expect(page.locator('.import-columns')).toContainText('event_ref');

    // A bad file: every problem with its line and column; nothing can be imported.
    await page.getByTestId('import-file').setInputFiles(
      csv('bad.csv', `${HEADER}${row}EV-9999999,M000001,\n${row}`),
    );
    await expect(page.getByTestId('import-problem-count')).toHaveText('2 problems');
    const problems = page.getByTestId('import-problems');
    await expect(problems.locator('tbody tr')).toHaveCount(2);
    await expect(problems.locator('tbody tr').nth(0)).toContainText('3');
    await expect(problems.locator('tbody tr').nth(0)).toContainText('no event has this reference');
    await expect(problems.locator('tbody tr').nth(1)).toContainText('also on line 2');
    await expect(page.getByTestId('import-commit')).toHaveCount(0);
    await page.screenshot({ path: info.outputPath('import-problems.png'), fullPage: false });

    // The clean file: checked, then imported; the KPIs are recomputed.
    await page.getByTestId('import-file').setInputFiles(csv('good.csv', `${HEADER}${row}`));
    await expect(page.getByTestId('import-summary')).toHaveText('1 row: 1 to create, 0 to change, 0 unchanged');
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-done')).toContainText('Imported: 1 new, 0 changed');
    await expect(page.getByTestId('import-done')).toContainText('KPI values recomputed');

    // The same file again changes nothing.
    await page.getByTestId('import-file').setInputFiles(csv('good-again.csv', `${HEADER}${row}`));
    await expect(page.getByTestId('import-summary')).toHaveText('1 row: 0 to create, 0 to change, 1 unchanged');
    await expect(page.getByTestId('import-commit')).toBeDisabled();

    // The history names the file; rolling it back (after a confirmation) removes the
    // attendance again, and the file would create it anew.
    const imported = page.getByTestId('import-history').locator('tbody tr').first();
    await expect(imported).toContainText('good.csv');
    await expect(imported).toContainText('staff@demo.memberpulse.test');
    await imported.getByRole('button', { name: 'Roll back' }).click();
    await expect(imported).toContainText('Remove what this import created');
    await imported.getByRole('button', { name: 'Roll back' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Rolled back:' })).toContainText('1 removed');
    await expect(imported).toContainText('Rolled back');
    await expect(imported.getByRole('button', { name: 'Roll back' })).toHaveCount(0);
    await page.screenshot({ path: info.outputPath('import-history.png'), fullPage: true });
    // The history downloads as it is listed.
    const historyHref = await page.getByTestId('imports-csv').getAttribute('href');
    const history = await page.request.get(historyHref ?? '');
    expect(history.ok()).toBeTruthy();
    expect((await history.text()).split('\n')[1]).toContain('good.csv');
    await page.getByTestId('import-file').setInputFiles(csv('good-once-more.csv', `${HEADER}${row}`));
    await expect(page.getByTestId('import-summary')).toHaveText('1 row: 1 to create, 0 to change, 0 unchanged');
  });
});

test('a large file shows its upload progress, then the server checks it', async ({ page }, info) => {
  test.setTimeout(90_000);
  await page.goto('/import');
  await hydrated(page);
  // A slow uplink, so the upload takes seconds: about 40 KB a second for 400 KB.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 40 * 1024,
  });
  const rows = Array.from({ length: 16_000 }, (_, i) => `EV-NONE-${i},M000001,\n`).join('');
  await page.getByTestId('import-file').setInputFiles(csv('large.csv', `${HEADER}${rows}`));
  const progress = page.getByTestId('import-progress');
  await expect(progress).toBeVisible();
  await expect
    .poll(async () => Number(await progress.getAttribute('value')), { timeout: 20_000 })
    .toBeGreaterThan(0);
  await expect(page.getByRole('status').filter({ hasText: 'Sending the file:' })).toContainText('%');
  await progress.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('import-progress.png'), fullPage: false });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  // Every row names an event there is not: the whole file was read, nothing written.
  await expect(page.getByTestId('import-problem-count')).toHaveText('16,000 problems', { timeout: 60_000 });
  await expect(progress).toHaveCount(0);
});

test('a workbook with other columns has them named, to be matched', async ({ page, request }) => {
  // A real XLSX file from the app itself: the KPI values export, which is not an
  // attendance sheet.
  const download = await request.get('/exports/kpi-values.xlsx?period=2025');
  expect(download.ok()).toBeTruthy();
  const buffer = Buffer.from(await download.body());

  await page.goto('/import');
  await hydrated(page);
  await page.getByTestId('import-file').setInputFiles({
    name: 'values.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  // Its columns are named, and each of its headers can be matched to one.
  await expect(page.getByTestId('import-column-problems')).toContainText('the column event_ref is missing');
  await expect(page.getByTestId('import-mapping')).toBeVisible();
  await expect(page.getByTestId('import-map-select').first()).toBeVisible();
  await expect(page.getByTestId('import-commit')).toHaveCount(0);
});

test('staff import a new member, then their membership, from files', async ({ page, request }, info) => {
  test.setTimeout(90_000);
  const overview = await request.post('/api/organization/overview');
  expect(overview.ok()).toBeTruthy();
  const { regions } = (await overview.json()) as { regions: { clusters: { code: string }[] }[] };
  const cluster = regions[0].clusters[0].code;
  // A member number no run has used: the test may run again on the same database.
  const number = `E2E${info.project.name.slice(0, 1).toUpperCase()}${Date.now()}`;

  await page.goto('/import');
  await hydrated(page);
  await page.getByTestId('import-kind-members').check();
  await expect(page.locator('.import-columns')).toContainText('first_name');
  await page.getByTestId('import-file').setInputFiles(
    csv('crm-members.csv', `member_number,first_name,last_name,email,company\n${number},Ada,Import,ada.${number.toLowerCase()}@example.org,Analytical Engines\n`),
  );
  await expect(page.getByTestId('import-summary')).toHaveText('1 row: 1 to create, 0 to change, 0 unchanged');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toContainText('Imported: 1 new, 0 changed');

  // Another kind starts over; a membership naming an unknown cluster is refused by line.
  await page.getByTestId('import-kind-memberships').check();
  await expect(page.getByTestId('import-done')).toHaveCount(0);
  await expect(page.locator('.import-columns')).toContainText('cluster_code');
  const header = 'member_number,cluster_code,start_date,renewal_due_on\n';
  await page.getByTestId('import-file').setInputFiles(
    csv('bad-memberships.csv', `${header}${number},NO-SUCH,2026-01-01,\n`),
  );
  await expect(page.getByTestId('import-problems').locator('tbody tr').first()).toContainText('no cluster has this code');
  await page.getByTestId('import-file').setInputFiles(
    csv('crm-memberships.csv', `${header}${number},${cluster},2026-01-01,2026-12-31\n`),
  );
  await expect(page.getByTestId('import-summary')).toHaveText('1 row: 1 to create, 0 to change, 0 unchanged');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toContainText('Imported: 1 new, 0 changed');
  await expect(page.getByTestId('import-done')).toContainText('KPI values recomputed');
  await expect(page.getByTestId('import-history').locator('tbody tr').first()).toContainText('crm-memberships.csv');

  // What is recorded goes out in the same columns: the new term is in the export.
  const exportLink = page.getByTestId('import-export-csv');
  await expect(exportLink).toHaveAttribute('href', '/exports/facts/memberships.csv');
  const exported = await page.request.get('/exports/facts/memberships.csv');
  expect(exported.ok()).toBeTruthy();
  const text = await exported.text();
  expect(text.split('\n')[0]).toBe('member_number,cluster_code,start_date,end_date,renewal_due_on,renewal_outcome');
  expect(text).toContain(`${number},${cluster},2026-01-01,,2026-12-31,`);
  await page.screenshot({ path: info.outputPath('import-memberships.png'), fullPage: true });
});

test("a CRM export's own headers are matched once and remembered for the next file", async ({ page }, info) => {
  test.setTimeout(90_000);
  // Headers of this project's own, so the mapping is new to it whichever project ran first.
  const tag = info.project.name;
  const header = `Member No. ${tag},Given name,Family name,E-mail,Notes ${tag}\n`;
  const number = `MAP${tag.slice(0, 1).toUpperCase()}${Date.now()}`;
  const row = `${number},Grace,Hopper,grace.${number.toLowerCase()}@example.org,met at the fair\n`;

  await page.goto('/import');
  await hydrated(page);
  await page.getByTestId('import-kind-members').check();
  await page.getByTestId('import-file').setInputFiles(csv('crm-export.csv', header + row));
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping).toBeVisible();
  // The file's e-mail header is matched by its name; the others are chosen.
  await expect(mapping.getByRole('combobox', { name: 'E-mail' })).toHaveValue('email');
  await mapping.getByRole('combobox', { name: `Member No. ${tag}` }).selectOption('member_number');
  await mapping.getByRole('combobox', { name: 'Given name' }).selectOption('first_name');
  await mapping.getByRole('combobox', { name: 'Family name' }).selectOption('last_name');
  await expect(mapping.getByRole('combobox', { name: `Notes ${tag}` })).toHaveValue('');
  await page.screenshot({ path: info.outputPath('import-mapping.png'), fullPage: true });
  await page.getByTestId('import-map-check').click();
  await expect(page.getByTestId('import-summary')).toHaveText('1 row: 1 to create, 0 to change, 0 unchanged');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toContainText('Imported: 1 new, 0 changed');

  // The next export from the same CRM is read with the remembered mapping at once.
  await page.reload();
  await hydrated(page);
  await page.getByTestId('import-kind-members').check();
  await page.getByTestId('import-file').setInputFiles(csv('crm-export-2.csv', header + row));
  await expect(page.getByTestId('import-summary')).toHaveText('1 row: 0 to create, 0 to change, 1 unchanged');
  await expect(page.getByTestId('import-mapping-note')).toContainText(`Member No. ${tag} → member_number`);
});

test("staff import a cluster's goal from a file and it is on the cluster's goals", async ({ page, request }, info) => {
  test.setTimeout(90_000);
  const overview = await request.post('/api/organization/overview');
  expect(overview.ok()).toBeTruthy();
  const { regions } = (await overview.json()) as { regions: { clusters: { id: number; code: string }[] }[] };
  // Each project its own cluster, so parallel runs never race.
  const cluster = regions[0].clusters[info.project.name === 'desktop' ? 1 : 2];
  await page.goto(`/goals?cluster=${cluster.id}`);
  await hydrated(page);
  const year = await page.locator('select[name="year"]').inputValue();
  const title = `Imported goal ${info.project.name} ${Date.now() % 100000}`;
  // Yesterday: on or before the server's today whatever its time zone.
  const setOn = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

  await page.goto('/import');
  await hydrated(page);
  await page.getByTestId('import-kind-goals').check();
  await expect(page.locator('.import-columns')).toContainText('recorded_on');
  const header = 'cluster_code,year,title,recorded_on,deadline,achieved\n';
  await page.getByTestId('import-file').setInputFiles(
    csv('bad-goals.csv', `${header}${cluster.code},${year},${title},2999-01-01,,perhaps\n`),
  );
  const problems = page.getByTestId('import-problems').locator('tbody tr');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toContainText('record a goal once it is set');
  await expect(problems.nth(1)).toContainText('write yes or no');
  await expect(page.getByTestId('import-commit')).toHaveCount(0);

  await page.getByTestId('import-file').setInputFiles(
    csv('crm-goals.csv', `${header}${cluster.code},${year},${title},${setOn},,yes\n`),
  );
  await expect(page.getByTestId('import-summary')).toHaveText('1 row: 1 to create, 0 to change, 0 unchanged');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toContainText('Imported: 1 new, 0 changed');
  await expect(page.getByTestId('import-done')).toContainText('KPI values recomputed');
  await page.screenshot({ path: info.outputPath('import-goals.png'), fullPage: true });

  // The cluster's goals page has it, achieved.
  await page.goto(`/goals?cluster=${cluster.id}&year=${year}`);
  await hydrated(page);
  const goal = page.getByTestId('goal').filter({ hasText: title });
  await expect(goal.getByLabel('Achieved')).toBeChecked();
});
