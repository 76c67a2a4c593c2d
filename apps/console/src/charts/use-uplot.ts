import { DependencyList, RefObject, useEffect, useRef } from 'react';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';

const HEIGHT = 320;

/**
 * A uPlot chart in the returned container: built again only when `rebuildOn` changes (series, language,
 * theme), while new data only calls setData, so a curve gaining points stays cheap.
 */
export function useUPlot(
  options: (width: number, height: number) => Options,
  data: AlignedData,
  rebuildOn: DependencyList,
): RefObject<HTMLDivElement> {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef(data);
  latest.current = data;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const chart = new uPlot(options(element.clientWidth || 800, HEIGHT), latest.current, element);
    plot.current = chart;
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: element.clientWidth || 800, height: HEIGHT }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
  }, rebuildOn); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    plot.current?.setData(data);
  }, [data]);

  return container;
}

/** An axis in the theme's colours; the grid is drawn by the left-hand axes only. */
export function themedAxis(
  scale: string,
  label: string,
  colors: { text: string; grid: string },
  side: 1 | 3 = 3,
): uPlot.Axis {
  return {
    scale,
    label,
    side,
    stroke: colors.text,
    grid: { stroke: colors.grid, width: 1, show: side === 3 },
    ticks: { stroke: colors.grid },
  };
}
