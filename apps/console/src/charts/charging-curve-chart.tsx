import { useEffect, useMemo, useRef } from 'react';
import uPlot, { type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useI18n } from '../i18n/i18n';
import { themeColor } from '../theme/theme';
import { CurvePoint, CurveSeries, curveData, curveSeries } from './curve-data';

interface ChargingCurveChartProps {
  points: readonly CurvePoint[];
  currency?: string | null;
  /** Redraws when the theme changes. */
  theme: string;
}

/**
 * The charging curve with uPlot (canvas, fast with thousands of points): power and limit in kW on the
 * left axis, energy in kWh, SoC in % and cost on the right. New points only call setData.
 */
export function ChargingCurveChart({ points, currency, theme }: ChargingCurveChartProps) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const series = curveSeries(points);
  const seriesKey = `${series.soc}-${series.limit}-${series.cost}`;
  const data = useMemo(() => curveData(points, series), [points, seriesKey]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const chart = new uPlot(chartOptions(series, t, currency, element.clientWidth || 800), data, element);
    plot.current = chart;
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: element.clientWidth || 800, height: 320 }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
    // Rebuilt only when the set of series, the language or the theme changes; data flows through setData.
  }, [seriesKey, t, theme, currency]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    plot.current?.setData(data);
  }, [data]);

  return <div ref={container} className="chart" aria-hidden="true" />;
}

function chartOptions(
  series: CurveSeries,
  t: ReturnType<typeof useI18n>['t'],
  currency: string | null | undefined,
  width: number,
): Options {
  const text = themeColor('--text-muted');
  const grid = themeColor('--border');
  const axis = (scale: string, label: string, side: 1 | 3 = 3, show = true): uPlot.Axis => ({
    scale,
    label,
    side,
    show,
    stroke: text,
    grid: { stroke: grid, width: 1, show: side === 3 },
    ticks: { stroke: grid },
  });
  const options: Options = {
    width,
    height: 320,
    scales: { x: { time: true }, kW: {}, kWh: {}, soc: { range: [0, 100] }, cost: {} },
    series: [
      {},
      {
        label: t('curve.power'),
        scale: 'kW',
        stroke: themeColor('--chart-power'),
        width: 2,
        fill: themeColor('--chart-power-fill'),
      },
      { label: t('curve.energy'), scale: 'kWh', stroke: themeColor('--chart-energy'), width: 2 },
    ],
    axes: [
      { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } },
      axis('kW', 'kW'),
      axis('kWh', 'kWh', 1),
    ],
    legend: { live: true },
  };
  if (series.soc) {
    options.series.push({ label: t('curve.soc'), scale: 'soc', stroke: themeColor('--chart-soc'), width: 2 });
    options.axes!.push(axis('soc', '%', 1));
  }
  if (series.limit) {
    options.series.push({
      label: t('curve.limit'),
      scale: 'kW',
      stroke: themeColor('--chart-limit'),
      width: 2,
      dash: [6, 4],
    });
  }
  if (series.cost) {
    options.series.push({
      label: t('curve.cost'),
      scale: 'cost',
      stroke: themeColor('--chart-cost'),
      width: 2,
    });
    options.axes!.push(axis('cost', currency ?? '', 1));
  }
  return options;
}
