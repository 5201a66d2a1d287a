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
    await visitor.close();
  });
});
