// Bundles the parts of ECharts MemberPulse draws with into dist/ (`npm run build`;
// scripts/install-toolchain.sh runs it and copies the bundles into public/):
//
// - echarts.min.js: every chart kind the app draws, for pages that open with several
//   kinds and for charts added after the first paint;
// - echarts-<kind>.min.js: one chart kind alone, for pages that open with that kind only
//   (the overview's trend lines cost about 29 KB less gzip than all five kinds).
//
// echarts-kinds.json names, per chart kind (as the app's `ChartKind::as_str`), the chart
// and components its options use; a Rust test holds the options to that list. Each
// bundle stands alone (ECharts' core is in each), so a page loads one file and never
// waits for a second.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';

const kinds = JSON.parse(await readFile(new URL('./echarts-kinds.json', import.meta.url), 'utf8'));

/** The entry module registering `parts` (per kind: charts and components) as `name`. */
function entry(name, parts) {
  const charts = [...new Set(parts.flatMap((p) => p.charts))].sort();
  const components = [...new Set(parts.flatMap((p) => p.components))].sort();
  const kindNames = JSON.stringify(name === 'all' ? Object.keys(kinds) : [name]);
  return `
import * as echarts from 'echarts/core';
import { ${charts.join(', ')} } from 'echarts/charts';
import { ${components.join(', ')} } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
echarts.use([${[...charts, ...components, 'CanvasRenderer'].join(', ')}]);
// The chart script (public/charts.js) finds each bundle that has run here, by name, with
// the chart kinds it draws.
(globalThis.memberpulseEcharts ??= []).push({ name: '${name}', kinds: ${kindNames}, echarts });
`;
}

const bundles = [
  ['echarts.min.js', entry('all', Object.values(kinds))],
  ...Object.entries(kinds).map(([kind, parts]) => [`echarts-${kind}.min.js`, entry(kind, [parts])]),
];

await Promise.all(
  bundles.map(([file, contents]) =>
    build({
      stdin: { contents, resolveDir: import.meta.dirname, sourcefile: file },
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2020',
      legalComments: 'none',
      define: { 'process.env.NODE_ENV': '"production"' },
      outfile: `dist/${file}`,
      logLevel: 'warning',
    }),
  ),
);
console.log(`bundled ${bundles.map(([file]) => file).join(', ')}`);
