// First-load benchmark (issue 5): bytes shipped on the first load of the organization
// overview (HTML, CSS, JS, WASM, as sent: Brotli or gzip) and the time until the first chart is
// drawn, in Debian's Chromium against the release build on the full demo. Prints figures;
// asserts nothing. Run by scripts/bench-first-load.sh after `cargo leptos build --release`.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { chromium } from '@playwright/test';

const port = Number(process.env.BENCH_PORT ?? 3200);
const base = `http://127.0.0.1:${port}`;
const password = 'bench-demo-password';
const runs = Number(process.env.FIRST_LOAD_RUNS ?? 7);

function startServer() {
  const server = spawn('./target/release/server', ['--demo-if-empty'], {
    cwd: new URL('../..', import.meta.url).pathname,
    env: {
      ...process.env,
      DATABASE_URL: 'sqlite://target/first-load.db?mode=rwc',
      MEMBERPULSE_BIND: `127.0.0.1:${port}`,
      LEPTOS_OUTPUT_NAME: 'memberpulse',
      LEPTOS_SITE_ROOT: process.env.BENCH_SITE_ROOT ?? 'target/site',
      LEPTOS_SITE_PKG_DIR: 'pkg',
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_ENV: 'PROD',
      MEMBERPULSE_DEMO_PASSWORD: password,
      MEMBERPULSE_SIGN_IN_LIMIT: '1000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return server;
}

async function waitForHealth() {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('the server did not start');
}

const kindOf = (response) => {
  const type = response.headers()['content-type'] ?? '';
  if (type.includes('html')) return 'HTML';
  if (type.includes('css')) return 'CSS';
  if (type.includes('javascript')) return 'JS';
  if (type.includes('wasm')) return 'WASM';
  return 'other';
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

const server = startServer();
try {
  await waitForHealth();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const login = await browser.newContext();
  const page = await login.newPage();
  await page.goto(`${base}/sign-in`);
  await page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached' });
  await page.getByLabel('E-mail address').fill('staff@demo.memberpulse.test');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/`);
  const storageState = await login.storageState();
  await login.close();

  // The release server compresses its files in the background after start: Brotli first,
  // then Zopfli's gzip. A prepared file has a Content-Length; the compression layer's
  // on-the-fly gzip streams without one.
  const prepared = (encoding) =>
    new Promise((resolve) => {
      http
        .get(`${base}/pkg/memberpulse.wasm`, { headers: { 'Accept-Encoding': encoding } }, (response) => {
          response.resume();
          resolve(response.headers['content-encoding'] === encoding && 'content-length' in response.headers);
        })
        .on('error', () => resolve(false));
    });
  for (let waited = 0; waited < 600; waited++) {
    if ((await prepared('br')) && (await prepared('gzip'))) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }

  // Bytes: a cold cache, every response of the overview's first load until hydrated.
  const cold = await browser.newContext({ storageState });
  const overview = await cold.newPage();
  const responses = [];
  overview.on('response', (response) => responses.push(response));
  await overview.goto(`${base}/`);
  await overview.locator('body[data-hydrated="true"]').waitFor({ state: 'attached' });
  await overview.waitForLoadState('networkidle');
  const bytes = {};
  for (const response of responses) {
    const sizes = await response.request().sizes();
    const kind = kindOf(response);
    bytes[kind] = (bytes[kind] ?? 0) + sizes.responseBodySize + sizes.responseHeadersSize;
  }
  const cookie = (await cold.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  await cold.close();
  const total = Object.values(bytes).reduce((a, b) => a + b, 0);
  console.log('first load of the organization overview (bytes on the wire, Brotli or gzip as served):');
  for (const [kind, size] of Object.entries(bytes)) console.log(`  ${kind.padEnd(6)} ${(size / 1024).toFixed(1).padStart(8)} KB`);
  console.log(`  total  ${(total / 1024).toFixed(1).padStart(8)} KB`);

  // The same responses asked for again with gzip only (the measure): body bytes.
  const gzipped = {};
  for (const response of responses) {
    const request = response.request();
    if (request.method() !== 'GET') continue;
    const size = await new Promise((resolve) => {
      http
        .get(request.url(), { headers: { 'Accept-Encoding': 'gzip', cookie } }, (reply) => {
          let length = 0;
          reply.on('data', (chunk) => (length += chunk.length));
          reply.on('end', () => resolve(length));
        })
        .on('error', () => resolve(0));
    });
    const kind = kindOf(response);
    gzipped[kind] = (gzipped[kind] ?? 0) + size;
  }
  const gzipTotal = Object.values(gzipped).reduce((a, b) => a + b, 0);
  console.log('the same GET responses, gzip only (bodies):');
  for (const [kind, size] of Object.entries(gzipped)) console.log(`  ${kind.padEnd(6)} ${(size / 1024).toFixed(1).padStart(8)} KB`);
  console.log(`  total  ${(gzipTotal / 1024).toFixed(1).padStart(8)} KB`);

  // First chart: a cold cache each run, from navigation start to the first chart on
  // screen (painted by the chart script, or drawn by the app if it came first), and to
  // the first chart the app has taken over (clickable: drill-down works).
  for (const [label, path] of [
    ['organization overview (key metric trends)', '/'],
    ['leaderboard (400 clusters)', '/leaderboard?metric=active_member_share&region=all'],
    ['region view (heatmap)', '/region?region=1'],
    ['metric explorer', '/explorer?metric=forum_attendance'],
  ]) {
    const shown = [];
    const clickable = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ storageState });
      // Notes the moments (performance.now() counts from navigation start), without the
      // test runner's polling in the figures.
      await context.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (!window.__firstChartShownAt && document.querySelector('figure[data-state="painted"], figure[data-state="drawn"]')) {
            window.__firstChartShownAt = performance.now();
          }
          if (document.querySelector('figure[data-state="drawn"]')) {
            window.__firstChartClickableAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
      });
      const chartPage = await context.newPage();
      await chartPage.goto(`${base}${path}`);
      await chartPage.locator('figure[data-state="drawn"]').first().waitFor({ state: 'attached', timeout: 30_000 });
      const [shownAt, clickableAt] = await chartPage.evaluate(() => [window.__firstChartShownAt, window.__firstChartClickableAt]);
      shown.push(shownAt);
      clickable.push(clickableAt);
      await context.close();
    }
    console.log(
      `first chart, ${label}: on screen median ${median(shown).toFixed(0)} ms, p95 ${p95(shown).toFixed(0)} ms; ` +
        `clickable median ${median(clickable).toFixed(0)} ms, p95 ${p95(clickable).toFixed(0)} ms (${runs} cold loads)`,
    );
  }
  await browser.close();
} finally {
  server.kill();
}
