import type { Page } from '@playwright/test';

/**
 * Scrolls the first data item of a heatmap into the middle of the viewport and returns
 * where it is on the page, so a test can click it like a reader would.
 */
export async function firstHeatmapCell(page: Page, figure: string) {
  return page.evaluate((figure) => {
    const element = document.querySelector(`${figure} .chart__canvas`) as HTMLElement;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const instance = (window as any).memberpulseCharts.chartOf(element);
    const first = instance.getOption().series[0].data[0];
    const [x, y] = instance.convertToPixel({ seriesIndex: 0 }, [first.value[0], first.value[1]]);
    window.scrollBy(0, element.getBoundingClientRect().top + y - window.innerHeight / 2);
    const box = element.getBoundingClientRect();
    return { x: box.left + x, y: box.top + y };
  }, figure);
}
