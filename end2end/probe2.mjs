import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext({ storageState: '/work/main/end2end/.auth/staff.json', baseURL: 'http://127.0.0.1:3100', viewport: {width: 1280, height: 800} });
const page = await context.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)));
page.on('pageerror', (e) => console.log('pageerror', e.message.slice(0, 300)));
await page.goto(process.argv[2]);
await page.waitForTimeout(6000);
const info = await page.evaluate(() => {
  const els = [...document.querySelectorAll('figure[data-chart="ranking"] .chart__canvas')];
  return els.map(e => { const i = window.echarts.getInstanceByDom(e); const o = i && i.getOption(); return {w: e.clientWidth, h: e.clientHeight, inst: !!i, n: o ? o.series[0].data.length : -1, first: o ? JSON.stringify(o.series[0].data.slice(0,3)).slice(0,300) : ''}; });
});
console.log(JSON.stringify(info));
await page.screenshot({ path: '/tmp/probe2.png' });
await browser.close();
