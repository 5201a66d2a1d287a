import { expect, test } from '@playwright/test';

import { hydrated, signIn } from '../session';

test.describe('API tokens', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('an admin creates a token, an integration reads with it, and a revoked token is refused', async ({
    page,
    request,
  }, testInfo) => {
    const name = `CRM sync ${testInfo.project.name}`;
    await signIn(page, 'admin@demo.memberpulse.test', '/sign-in?next=/admin/api-tokens');
    await expect(page).toHaveURL(/\/admin\/api-tokens$/);
    await hydrated(page);

    // The form asks for a name before sending anything.
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect(page.getByRole('alert')).toContainText('Name the integration');

    await page.locator('input[name="name"]').fill(name);
    await page.locator('select[name="access"]').selectOption('read');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = page.getByTestId('api-token-secret');
    await expect(secret).toHaveText(/^mpk_[0-9a-f]{64}$/);
    const token = (await secret.textContent()) ?? '';
    const row = page.getByTestId('api-tokens').getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('Read');
    await expect(row).toContainText('Never');
    await page.screenshot({ path: testInfo.outputPath('api-tokens.png'), fullPage: true });

    // An integration calls the API with it; a read token may not write.
    const clusters = await request.get('/api/v1/clusters?limit=2', {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(clusters.status()).toBe(200);
    const body = await clusters.json();
    expect(body.items).toHaveLength(2);
    expect(body.page.total).toBeGreaterThan(2);
    const push = await request.post('/api/v1/facts/attendances', {
      headers: { Authorization: `Bearer ${token}` },
      data: { items: [{ event_ref: 'X', member_number: 'Y' }] },
    });
    expect(push.status()).toBe(403);
    expect((await push.json()).error.code).toBe('forbidden');

    // The list shows the use; the secret is gone after a reload.
    await page.reload();
    await hydrated(page);
    await expect(page.getByTestId('api-token-secret')).toHaveCount(0);
    await expect(row).not.toContainText('Never');

    // Revoking asks first, then the API refuses the token.
    await row.getByRole('button', { name: `Revoke ${name}` }).click();
    await expect(row).toContainText('stop working at once');
    await row.getByRole('button', { name: 'Revoke', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('The token is revoked');
    await expect(row).toContainText('Revoked');
    const refused = await request.get('/api/v1/clusters', {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(refused.status()).toBe(401);
  });

  test('the API describes itself at /api/v1/openapi.json', async ({ request }) => {
    const response = await request.get('/api/v1/openapi.json');
    expect(response.status()).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/v1/kpi-values');
  });
});
