// The ECharts parts Segsheet uses, registered once (tree-shaken: nothing else is bundled).
import { use } from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, PieChart, TreemapChart } from 'echarts/charts';
import {
  GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

let done = false;
export function registerCharts(): void {
  if (done) return;
  use([
    BarChart, HeatmapChart, LineChart, PieChart, TreemapChart,
    GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent,
    VisualMapComponent, CanvasRenderer, SVGRenderer,
  ]);
  done = true;
}
