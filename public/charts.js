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
(() => {
  'use strict';

  const ECHARTS_SRC = '/echarts.min.js';
  let echartsLoading;

  /** Loads ECharts once (only pages with a chart pay for it); resolves with it. */
  function load() {
    if (window.echarts) return Promise.resolve(window.echarts);
    echartsLoading ??= new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = ECHARTS_SRC;
      script.addEventListener('load', () => resolve(window.echarts));
      script.addEventListener('error', () => {
        echartsLoading = undefined;
        script.remove();
        reject(new Error(`${ECHARTS_SRC} did not load`));
      });
      document.head.append(script);
    });
    return echartsLoading;
  }

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

  // A chart follows its element's size: the window, the grid around it, the table toggle.
  const resizing = new ResizeObserver((entries) => {
    for (const entry of entries) {
      if (entry.contentRect.width > 0) window.echarts?.getInstanceByDom(entry.target)?.resize();
    }
  });

  /** Draws the option of `element` into it; an earlier chart there is disposed of first. */
  function paint(echarts, element) {
    echarts.getInstanceByDom(element)?.dispose();
    const option = JSON.parse(element.dataset.chartOption);
    resolveColours(option, getComputedStyle(element));
    const height = Number(element.dataset.chartHeight);
    // Through the CSS object model, which the content security policy allows.
    if (height > 0) element.style.height = `${height}px`;
    const chart = echarts.init(element);
    chart.setOption(option);
    resizing.observe(element);
    return chart;
  }

  window.memberpulseCharts = {
    /**
     * Resolves with the chart of `element`: the one painted on first load when `adopt`,
     * else a new drawing (after a change of theme, say).
     */
    async draw(element, adopt) {
      const echarts = await load();
      const painted = echarts.getInstanceByDom(element);
      return adopt && painted ? painted : paint(echarts, element);
    },

    /** Disposes of `chart`, drawn into `element`, unless a newer drawing replaced it. */
    dispose(element, chart) {
      if (!chart.isDisposed()) chart.dispose();
      if (!window.echarts?.getInstanceByDom(element)) resizing.unobserve(element);
    },
  };

  // Deferred, so the page has been parsed: paint the charts it came with.
  const waiting = document.querySelectorAll('[data-chart-option]');
  if (waiting.length > 0) {
    load().then(
      (echarts) => {
        for (const element of waiting) {
          // Gone, or already drawn by the app: nothing to paint.
          if (!element.isConnected || echarts.getInstanceByDom(element)) continue;
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
