import { useMemo } from 'react';
import type { Options } from 'uplot';
import { useI18n } from '../i18n/i18n';
import { themeColor } from '../theme/theme';
import { LoadPoint, loadData } from './load-data';
import { themedAxis, useUPlot } from './use-uplot';

/** The area's load per phase over time with its fuse as a dashed line, all in A; live points call setData. */
export function SiteAreaLoadChart({ points, theme }: { points: readonly LoadPoint[]; theme: string }) {
  const { t } = useI18n();
  const data = useMemo(() => loadData(points), [points]);
  const container = useUPlot((width, height) => loadChartOptions(t, width, height), data, [t, theme]);
  return <div ref={container} className="chart" aria-hidden="true" />;
}

function loadChartOptions(t: ReturnType<typeof useI18n>['t'], width: number, height: number): Options {
  const colors = { text: themeColor('--text-muted'), grid: themeColor('--border') };
  const phase = (index: 1 | 2 | 3) => ({
    label: t('load.phaseName', { phase: index }),
    scale: 'A',
    stroke: themeColor(`--chart-l${index}`),
    width: 2,
  });
  return {
    width,
    height,
    scales: { x: { time: true }, A: { range: (_, min, max) => [Math.min(0, min), Math.max(max, 1)] } },
    series: [
      {},
      phase(1),
      phase(2),
      phase(3),
      { label: t('load.fuse'), scale: 'A', stroke: themeColor('--chart-limit'), width: 2, dash: [6, 4] },
    ],
    axes: [
      { stroke: colors.text, grid: { stroke: colors.grid, width: 1 }, ticks: { stroke: colors.grid } },
      themedAxis('A', 'A', colors),
    ],
    legend: { live: true },
  };
}
