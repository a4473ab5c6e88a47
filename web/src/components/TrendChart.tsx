import ReactEChartsCore from 'echarts-for-react/esm/core';
import { LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only what the chart uses, so the console's bundle stays small.
echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export interface Series {
  name: string;
  values: (number | null)[];
}

/** Reach rate per month, one line per population (rates, so 405 employees and 780 FCs compare). */
export const TrendChart = ({ months, series, label }: { months: string[]; series: Series[]; label: string }) => (
  <div role="img" aria-label={label} className="chart">
    <ReactEChartsCore
      echarts={echarts}
      notMerge
      style={{ height: 280, width: '100%' }}
      opts={{ renderer: 'svg' }}
      option={{
        aria: { enabled: true },
        // No animation: the figures are there at once (and screenshots never catch a line half drawn).
        animation: false,
        color: ['#ff6200', '#1f6feb', '#0f8a5f'],
        grid: { left: 44, right: 12, top: 36, bottom: 28 },
        legend: { top: 0 },
        // Plain-text tooltips: the console's CSP allows no inline style markup.
        tooltip: {
          trigger: 'axis',
          renderMode: 'richText',
          valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)}%` : '—'),
        },
        xAxis: { type: 'category', data: months },
        yAxis: { type: 'value', axisLabel: { formatter: '{value}%' }, min: 0 },
        series: series.map((s) => ({
          name: s.name,
          type: 'line',
          smooth: false,
          connectNulls: false,
          data: s.values.map((v) => (v === null ? null : Math.round(v * 1000) / 10)),
        })),
      }}
    />
  </div>
);
