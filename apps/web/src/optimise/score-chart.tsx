/** Live line chart of the best score against time (uPlot: fast, small, canvas-based). */
import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import type { ProgressPoint } from '../api/types.ts';
import { stepSeries } from './step-series.ts';

export function ScoreChart({
  points,
  untilMs,
  label,
  axisLabel,
  secondsLabel,
  locale,
}: {
  points: ProgressPoint[];
  /** Draw the best score on up to this time (the solve is still running). */
  untilMs?: number;
  label: string;
  axisLabel: string;
  secondsLabel: string;
  locale: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const format = useMemo(
    () => new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { notation: 'compact' }),
    [locale],
  );
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;

    const width = Math.max(320, el.clientWidth);
    plot.current = new uPlot(
      {
        width,
        height: 280,
        // Log scale: the first rosters carry huge penalties, the interesting part is at the end.
        scales: {
          x: { time: false, range: (_u, _min, max) => [0, Math.max(1, max)] },
          y: { distr: 3, log: 10 },
        },
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        axes: [
          { label: secondsLabel, stroke: '#5a6676', grid: { stroke: '#edf0f3' } },
          {
            label: axisLabel,
            stroke: '#5a6676',
            grid: { stroke: '#edf0f3' },
            size: 80,
            // Label only the powers of ten; the log scale's in-between ticks stay unlabelled.
            values: (_u, ticks) =>
              ticks.map((v) =>
                Number.isInteger(Math.round(Math.log10(v) * 1e6) / 1e6) ? format.format(v) : '',
              ),
          },
        ],
        series: [
          {},
          {
            label,
            stroke: '#1d4f6e',
            width: 2,
            fill: 'rgba(29,79,110,0.08)',
            points: { show: true, size: 5, fill: '#1d4f6e' },
          },
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
  }, [axisLabel, secondsLabel, format]);

  useEffect(() => {
    plot.current?.setData(stepSeries(points, untilMs));
  }, [points, untilMs]);

  return <div ref={box} className="chart-box" role="img" aria-label={label} data-testid="score-chart" />;
}
