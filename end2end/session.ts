import { expect, type Page } from '@playwright/test';

import { DEMO_PASSWORD } from './playwright.config';

/** Waits until the page's WASM has hydrated it. */
export async function hydrated(page: Page) {
  await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
}

/** Signs in on the sign-in page at `from` (a demo account's password by default). */
export async function signIn(page: Page, email: string, from = '/sign-in', password = DEMO_PASSWORD) {
  await page.goto(from);
  await hydrated(page);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
