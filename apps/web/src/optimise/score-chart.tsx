/** Live line chart of the best score against time (uPlot: fast, small, canvas-based). */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import type { ProgressPoint } from '../api/types.ts';

export function ScoreChart({
  points,
  label,
  secondsLabel,
}: {
  points: ProgressPoint[];
  label: string;
  secondsLabel: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = Math.max(320, el.clientWidth);
    plot.current = new uPlot(
      {
        width,
        height: 280,
        scales: { x: { time: false } },
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        axes: [
          { label: secondsLabel, stroke: '#5a6676', grid: { stroke: '#edf0f3' } },
          { label, stroke: '#5a6676', grid: { stroke: '#edf0f3' }, size: 70 },
        ],
        series: [
          {},
          { label, stroke: '#1d4f6e', width: 2, fill: 'rgba(29,79,110,0.08)', points: { show: false } },
        ],
      },
      [[], []],
      el,
    );
    const resize = new ResizeObserver(() =>
      plot.current?.setSize({ width: Math.max(320, el.clientWidth), height: 280 }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [label, secondsLabel]);

  useEffect(() => {
    // A step line: the best score only changes when a better roster is found.
    const xs: number[] = [];
    const ys: number[] = [];
    for (const p of points) {
      if (ys.length) {
        xs.push(p.elapsedMs / 1000);
        ys.push(ys[ys.length - 1]!);
      }
      xs.push(p.elapsedMs / 1000);
      ys.push(p.score);
    }
    plot.current?.setData([xs, ys]);
  }, [points]);

  return <div ref={box} className="chart-box" role="img" aria-label={label} data-testid="score-chart" />;
}
