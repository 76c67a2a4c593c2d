import { useMemo } from 'react';
import type { Options } from 'uplot';
import { useI18n } from '../i18n/i18n';
import { themeColor } from '../theme/theme';
import { CurvePoint, CurveSeries, curveData, curveSeries } from './curve-data';
import { themedAxis, useUPlot } from './use-uplot';

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
  const series = curveSeries(points);
  const seriesKey = `${series.soc}-${series.limit}-${series.cost}`;
  const data = useMemo(() => curveData(points, series), [points, seriesKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const container = useUPlot((width, height) => chartOptions(series, t, currency, width, height), data, [
    seriesKey,
    t,
    theme,
    currency,
  ]);
  return <div ref={container} className="chart" aria-hidden="true" />;
}

function chartOptions(
  series: CurveSeries,
  t: ReturnType<typeof useI18n>['t'],
  currency: string | null | undefined,
  width: number,
  height: number,
): Options {
  const text = themeColor('--text-muted');
  const grid = themeColor('--border');
  const axis = (scale: string, label: string, side: 1 | 3 = 3) =>
    themedAxis(scale, label, { text, grid }, side);
  const options: Options = {
    width,
    height,
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
