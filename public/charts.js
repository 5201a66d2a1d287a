// Draws MemberPulse's charts with ECharts.
//
// The server renders each chart's ECharts option into its element (`data-chart-option`,
// built by charming), so this script paints every chart on the page as soon as the page
// and ECharts have loaded, before the WASM has hydrated: a reader sees the numbers
// without waiting for the app. The app then takes each painted chart over (clicks that
// drill down, repaints for a new theme) through `window.memberpulseCharts`, and draws the
// charts it adds later with the same function. Colours in an option that name CSS custom
// properties (`--brand-primary`) are resolved against the chart's element, so the brand
// theme and dark mode reach the canvas.
//
// ECharts comes in bundles (vendor/build.mjs): one per chart kind and one with every kind.
// The first paint loads the bundle the server preloaded for the page (`data-echarts` on
// the preload link: the overview's trend lines need only the trend bundle); a chart of a
// kind no loaded bundle draws loads the full one. Charts of different bundles live side by
// side, so this script keeps each element's chart itself.
(() => {
  'use strict';

  /** The chart of each element this script drew, whichever bundle drew it. */
  const charts = new WeakMap();
  /** Bundles being fetched, by name. */
  const loading = new Map();

  /** The bundles that have run: `{ name, kinds, echarts }`, registered by each bundle. */
  const bundles = () => window.memberpulseEcharts ?? [];

  /** Where the bundle `name` lives: `all` or a chart kind. */
  const bundleSrc = (name) => (name === 'all' ? '/echarts.min.js' : `/echarts-${name}.min.js`);

  /** Resolves with the bundle `name`, fetching it once. */
  function fetchBundle(name) {
    const registered = () => bundles().find((bundle) => bundle.name === name);
    if (registered()) return Promise.resolve(registered());
    if (!loading.has(name)) {
      const src = bundleSrc(name);
      loading.set(
        name,
        new Promise((resolve, reject) => {
          const script = document.createElement('script');
          script.src = src;
          script.addEventListener('load', () => {
            loading.delete(name);
            const bundle = registered();
            if (bundle) resolve(bundle);
            else reject(new Error(`${src} did not register ECharts`));
          });
          script.addEventListener('error', () => {
            loading.delete(name);
            script.remove();
            reject(new Error(`${src} did not load`));
          });
          document.head.append(script);
        }),
      );
    }
    return loading.get(name);
  }

  /**
   * Resolves with an ECharts that draws every kind in `kinds`: a loaded one (after the
   * bundles on their way have arrived), else bundle `name`, else the full bundle.
   */
  async function load(kinds, name = 'all') {
    const drawsAll = (bundle) => kinds.every((kind) => bundle.kinds.includes(kind));
    for (;;) {
      const ready = bundles().find(drawsAll);
      if (ready) return ready.echarts;
      if (loading.size === 0) break;
      await Promise.allSettled(loading.values());
    }
    const bundle = await fetchBundle(name);
    return drawsAll(bundle) ? bundle.echarts : (await fetchBundle('all')).echarts;
  }

  /** The chart kind of a chart element (`trend`, `ranking`, ...). */
  const kindOf = (element) => element.dataset.chartKind ?? '';

  /** Replaces, in place, every string naming a CSS custom property by its value. */
  function resolveColours(value, style) {
    if (value === null || typeof value !== 'object') return;
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (typeof item === 'string' && item.startsWith('--')) {
        value[key] = style.getPropertyValue(item).trim();
      } else {
        resolveColours(item, style);
      }
    }
  }

  /** The live chart drawn into `element`, if any. */
  function chartOf(element) {
    const chart = charts.get(element);
    return chart && !chart.isDisposed() ? chart : undefined;
  }

  // A chart follows its element's size: the window, the grid around it, the table toggle.
  const resizing = new ResizeObserver((entries) => {
    for (const entry of entries) {
      if (entry.contentRect.width > 0) chartOf(entry.target)?.resize();
    }
  });

  /** Draws the option of `element` into it; an earlier chart there is disposed of first. */
  function paint(echarts, element) {
    chartOf(element)?.dispose();
    const option = JSON.parse(element.dataset.chartOption);
    resolveColours(option, getComputedStyle(element));
    const height = Number(element.dataset.chartHeight);
    // Through the CSS object model, which the content security policy allows.
    if (height > 0) element.style.height = `${height}px`;
    const chart = echarts.init(element);
    chart.setOption(option);
    charts.set(element, chart);
    resizing.observe(element);
    return chart;
  }

  window.memberpulseCharts = {
    /**
     * Resolves with the chart of `element`: the one painted on first load when `adopt`,
     * else a new drawing (after a change of theme, say).
     */
    async draw(element, adopt) {
      const echarts = await load([kindOf(element)]);
      const painted = chartOf(element);
      return adopt && painted ? painted : paint(echarts, element);
    },

    /** Disposes of `chart`, drawn into `element`, unless a newer drawing replaced it. */
    dispose(element, chart) {
      if (!chart.isDisposed()) chart.dispose();
      if (!chartOf(element)) {
        charts.delete(element);
        resizing.unobserve(element);
      }
    },

    /** The chart drawn into `element` (for tests reading what a chart shows). */
    chartOf,
  };

  // Deferred, so the page has been parsed: paint the charts it came with, with the bundle
  // the server preloaded for them.
  const waiting = [...document.querySelectorAll('[data-chart-option]')];
  if (waiting.length > 0) {
    const preloaded = document.querySelector('link[rel="preload"][data-echarts]')?.dataset.echarts;
    load([...new Set(waiting.map(kindOf))], preloaded).then(
      (echarts) => {
        for (const element of waiting) {
          // Gone, or already drawn by the app: nothing to paint.
          if (!element.isConnected || chartOf(element)) continue;
          try {
            paint(echarts, element);
            const figure = element.closest('figure');
            if (figure?.dataset.state === 'waiting') figure.dataset.state = 'painted';
          } catch (error) {
            console.warn('chart not painted', error);
          }
        }
      },
      (error) => console.warn(error.message),
    );
  }
})();
