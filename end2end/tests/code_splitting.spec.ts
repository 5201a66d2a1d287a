import { expect, test } from '@playwright/test';

import { hydrated } from '../session';

// Each page is a lazily loaded route: the first load fetches the shell's WASM and the
// chunks of the page in view; another page's code comes when that page is first opened.
test('a page\'s code is fetched when the page is first opened, and the app goes on working', async ({ page }) => {
  const wasm: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.wasm')) wasm.push(path);
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto('/');
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Regions and clusters');
  const firstLoad = [...wasm];
  // The shell and, split from it, the overview's own code.
  expect(firstLoad.length).toBeGreaterThan(1);

  // A cluster from the pulse's standings: the scorecard's code was not in the first load.
  const standing = page.getByTestId('top-clusters').getByRole('link').first();
  const cluster = (await standing.textContent()) ?? '';
  await standing.click();
  await expect(page).toHaveURL(/\/scorecard\?cluster=/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cluster scorecard');
  await expect(page.locator('#scorecard-heading')).toHaveText(cluster);
  const fetched = wasm.slice(firstLoad.length);
  expect(fetched.length).toBeGreaterThan(0);
  expect(fetched.every((path) => !firstLoad.includes(path))).toBeTruthy();

  // Back on the overview, nothing is fetched again and the page still answers.
  const before = wasm.length;
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Regions and clusters');
  await page.getByLabel('Find a cluster').fill('zzz-no-such-cluster');
  await expect(page.getByText('No cluster matches your search.')).toBeVisible();
  expect(wasm.length).toBe(before);
  expect(errors).toEqual([]);
});
