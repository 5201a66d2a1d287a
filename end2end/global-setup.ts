import { request, type FullConfig } from '@playwright/test';

import { DEMO_PASSWORD } from './playwright.config';

/** Signs the demo staff user in once and keeps the session for every test. */
export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0].use.baseURL;
  const context = await request.newContext({ baseURL });
  const response = await context.post('/api/account/sign-in', {
    form: { email: 'staff@demo.memberpulse.test', password: DEMO_PASSWORD, next: '/' },
    maxRedirects: 0,
  });
  if (response.status() >= 400) {
    throw new Error(`demo staff sign-in failed: ${response.status()} ${await response.text()}`);
  }
  await context.storageState({ path: '.auth/staff.json' });
  await context.dispose();
}
