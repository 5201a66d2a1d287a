// The parts of ECharts MemberPulse draws with, bundled into public/echarts.min.js by
// `npm run build` (scripts/install-toolchain.sh runs it): the five chart kinds charming
// describes (trend line, ranking bar, gauge, radar, heatmap), the components their
// options name and the canvas renderer. The full ECharts build carries every chart kind
// and renderer and costs the first load about twice the bytes.
import * as echarts from 'echarts/core';
import { BarChart, GaugeChart, HeatmapChart, LineChart, RadarChart } from 'echarts/charts';
import {
  GridComponent,
  LegendPlainComponent,
  MarkAreaComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  GaugeChart,
  HeatmapChart,
  LineChart,
  RadarChart,
  GridComponent,
  LegendPlainComponent,
  MarkAreaComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
  CanvasRenderer,
]);

// The app reaches ECharts as `window.echarts`, as with the full build.
globalThis.echarts = echarts;
