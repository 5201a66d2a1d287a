import { expect, test } from '@playwright/test';

import { hydrated, signIn } from '../session';

import { DEMO_PASSWORD } from '../playwright.config';

test.describe('signing in', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a visitor is sent to sign in and comes back to the page asked for', async ({ page }) => {
    await page.goto('/validation');
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await hydrated(page);
    await page.getByLabel('E-mail address').fill('staff@demo.memberpulse.test');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('The e-mail address or password is wrong.');

    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/validation$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Validation queue');
    await expect(page.locator('.account-menu__name')).toHaveText('Demo Staff');
  });

  test('a member is refused the staff pages', async ({ page }) => {
    await signIn(page, 'member@demo.memberpulse.test');
    // A member's start page is their own reports.
    await expect(page).toHaveURL(/\/me\/reports$/);
    await page.goto('/validation');
    await expect(page.getByRole('alert').first()).toContainText('Your role does not give you access to this.');
    await expect(page.locator('tr.queue-table__row')).toHaveCount(0);
  });
});

test('staff validate a value, and its explanation shows the numbers the server has', async ({ page, request }, info) => {
  await page.goto('/validation?group=cluster');
  await hydrated(page);
  const summary = page.getByTestId('queue-summary');
  await expect(summary).toContainText('values await a decision');
  const before = await summary.textContent();
  const row = page.locator('tr.queue-table__row').first();
  const metric = await row.getAttribute('data-metric');
  const cluster = await row.getAttribute('data-cluster');
  const period = await page.locator('select[name="period"]').inputValue();
  await page.screenshot({ path: info.outputPath('validation-queue.png') });

  // The values on screen download as CSV, with the screen's filters.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`kpi-values-${period}-cluster.csv`);
  const csv = await (await file.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString('utf8');
  expect(text.split('\n')[0]).toBe('scope_kind,scope_id,metric,period,grain,value,numerator,denominator,signal,status,decided_value');
  expect(text).toContain(`cluster,${cluster},${metric},${period},`);
  const workbook = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download XLSX' }).click();
  expect((await workbook).suggestedFilename()).toBe(`kpi-values-${period}-cluster.xlsx`);

  await row.getByRole('button', { name: 'Validate' }).click();
  await expect(page.getByRole('status').first()).toHaveText('1 value changed.');
  await expect(summary).not.toHaveText(before ?? '');
  await expect(page.locator(`tr[data-metric="${metric}"][data-cluster="${cluster}"]`)).toHaveCount(0);

  const api = await request.post('/api/validation/explain', { form: { metric: metric!, period, cluster: cluster! } });
  expect(api.ok()).toBeTruthy();
  const explanation = await api.json();
  await page.goto(`/validation/explain?metric=${metric}&period=${period}&cluster=${cluster}`);
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 2, name: 'How it is computed' })).toBeVisible();
  if (explanation.numerator !== null) {
    const n = explanation.numerator as number;
    const text = n.toLocaleString('en-US', { maximumFractionDigits: Number.isInteger(n) ? 0 : 2, minimumFractionDigits: Number.isInteger(n) ? 0 : 2 });
    await expect(page.getByTestId('explained-numerator')).toHaveText(text);
  }
  await expect(page.locator('.status--validated')).toBeVisible();
  await expect(page.getByText('Demo Staff <staff@demo.memberpulse.test>')).toBeVisible();
  await page.screenshot({ path: info.outputPath('value-explanation.png'), fullPage: true });
});

test('staff add a metric: a bad definition is explained, a good one is computed', async ({ page }) => {
  await page.goto('/metrics/edit');
  await hydrated(page);
  const key = `e2e_events_${Date.now() % 100000}`;
  await page.getByLabel('Key (lower case letters, digits and _)').fill(key);
  await page.getByLabel('Name', { exact: true }).fill('Events held (e2e)');
  await page.getByLabel('Green from').fill('10');
  await page.getByLabel('Amber from').fill('5');
  const definition = page.getByLabel('Definition (JSON)');
  const good = await definition.inputValue();
  await definition.fill(good.replace('"events"', '"happenings"'));
  await page.getByRole('button', { name: 'Save and compute' }).click();
  await expect(page.getByRole('alert')).toContainText('happenings');

  await definition.fill(good);
  await page.getByRole('button', { name: 'Save and compute' }).click();
  await expect(page.getByTestId('metric-saved')).toContainText('Saved as version 1.', { timeout: 20_000 });
  await expect(page).toHaveURL(new RegExp(`key=${key}`));

  await page.goto('/metrics');
  await hydrated(page);
  await expect(page.locator(`tr[data-metric="${key}"]`)).toContainText('Events held (e2e)');
});

test('the validation queue fits a 360 px phone without horizontal page scrolling', async ({ page }, info) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/validation');
  await hydrated(page);
  await expect(page.locator('tr.queue-table__row').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: info.outputPath('validation-queue-phone.png') });
});

test('staff correct one value with a reason, from its row', async ({ page }) => {
  await page.goto('/validation?group=community');
  await hydrated(page);
  const row = page.locator('tr.queue-table__row').nth(1);
  const metric = await row.getAttribute('data-metric');
  const cluster = await row.getAttribute('data-cluster');
  const period = await page.locator('select[name="period"]').inputValue();
  // The form is built when its row asks for it.
  await expect(row.locator('form.decide__form')).toHaveCount(0);
  await row.getByText('Other decision…').click();
  await row.getByLabel('Decision').selectOption({ label: 'Correct the value' });
  await row.getByLabel('Corrected value').fill('50');
  await row.getByLabel('Reason (for the audit log)').fill('Two attendance lists were counted once');
  await row.getByRole('button', { name: 'Save decision' }).click();
  await expect(page.getByRole('status').first()).toHaveText('1 value changed.');
  await expect(page.locator(`tr[data-metric="${metric}"][data-cluster="${cluster}"]`)).toHaveCount(0);

  await page.goto(`/validation/explain?metric=${metric}&period=${period}&cluster=${cluster}`);
  await hydrated(page);
  await expect(page.locator('.status--overridden')).toBeVisible();
  await expect(page.getByText('Two attendance lists were counted once')).toBeVisible();
});
