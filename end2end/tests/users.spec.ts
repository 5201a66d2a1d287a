import { expect, test } from '@playwright/test';

import { hydrated, signIn } from '../session';

test.describe('user administration', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('an admin invites someone, who sets a password with the link and signs in', async ({ browser, page }, info) => {
    const email = `invitee-${info.project.name}-${Date.now() % 100000}@example.test`;
    await signIn(page, 'admin@demo.memberpulse.test', '/sign-in?next=/admin/users');
    await expect(page).toHaveURL(/\/admin\/users$/);
    await hydrated(page);
    // The list has loaded (the invite form sits above it and is rendered with it).
    await expect(page.locator('tr.user-table__row').first()).toBeVisible();

    await page.locator('form input[name="email"]').fill(email);
    await page.locator('form input[name="name"]').fill('Invited Person');
    await page.locator('form select[name="role"]').first().selectOption('staff');
    await page.getByRole('button', { name: 'Invite' }).click();
    const link = page.getByTestId('reset-link');
    await expect(link).toContainText('/reset?token=');
    const path = (await link.getAttribute('href'))!;
    await expect(page.locator(`tr[data-email="${email}"]`)).toContainText('Staff');

    const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const invitee = await visitor.newPage();
    await invitee.goto(path);
    await hydrated(invitee);
    await invitee.locator('input[name="new"]').fill('a long invited password');
    await invitee.locator('input[name="repeat"]').fill('a long invited password');
    await invitee.getByRole('button', { name: 'Set password' }).click();
    await expect(invitee.getByRole('status')).toHaveText('Your password is set. You can sign in now.');
    await invitee.goto('/sign-in');
    await hydrated(invitee);
    await invitee.getByLabel('E-mail address').fill(email);
    await invitee.getByLabel('Password').fill('a long invited password');
    await invitee.getByRole('button', { name: 'Sign in' }).click();
    await expect(invitee.locator('.account-menu__name')).toHaveText('Invited Person');
    await expect(invitee.locator('.main-nav')).toContainText('Import');

    // Limited to one region, the new staff user works there alone, from their next page.
    const row = page.locator(`tr[data-email="${email}"]`);
    await expect(row).toContainText('All regions');
    await row.getByText('Limit to regions…').click();
    const last = row.locator('label.form__check').last();
    const regionName = ((await last.textContent()) ?? '').trim();
    expect(regionName).not.toBe('');
    await last.locator('input').check();
    await row.getByRole('button', { name: 'Save regions' }).click();
    await expect(row.locator('td').nth(1)).toContainText(regionName);
    await invitee.goto('/region');
    await hydrated(invitee);
    await expect(invitee.locator('.breadcrumb li[aria-current="page"]')).toHaveText(regionName);
    await expect(invitee.locator('.main-nav')).not.toContainText('Import');
    await visitor.close();
  });
});
