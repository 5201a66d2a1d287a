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
      const response = await request.post('/api/import/attendances', {
        form: { csv: `${HEADER}${event},${member},\n`, commit: 'false' },
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
    await expect(page.getByRole('heading', { name: 'Import attendances' })).toBeVisible();
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
    await page.getByTestId('import-file').setInputFiles(csv('good-once-more.csv', `${HEADER}${row}`));
    await expect(page.getByTestId('import-summary')).toHaveText('1 row: 1 to create, 0 to change, 0 unchanged');
  });
});

test('a workbook is read in the browser and its wrong columns are named', async ({ page, request }) => {
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
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText('the column event_ref is missing');
  await expect(problems.locator('tbody tr').first()).toContainText('1');
  await expect(page.getByTestId('import-commit')).toHaveCount(0);
});
