/** Plain-SVG charts for the capacity gap (bars per week) and insight trends (a line per team). */
import { useId } from 'react';

const fmt1 = (x: number, lang: string) =>
  x.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 });

/**
 * Weekly gap in FTE: surplus up (green), shortage down (red), one bar per week, with the month of
 * each fourth week on the axis.
 */
export function GapChart({
  shortage,
  surplus,
  weekStarts,
  fteHours,
  title,
  lang,
  height = 160,
}: {
  shortage: number[];
  surplus: number[];
  weekStarts: string[];
  fteHours: number;
  title: string;
  lang: string;
  height?: number;
}) {
  const titleId = useId();
  const width = 720;
  const left = 44;
  const bottom = 18;
  const n = shortage.length;
  const max = Math.max(0.5, ...shortage.map((x) => x / fteHours), ...surplus.map((x) => x / fteHours));
  const plotH = height - bottom;
  const mid = plotH / 2;
  const bw = (width - left) / Math.max(1, n);
  const scale = (mid - 6) / max;
  return (
    <svg className="gap-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId}>
      <title id={titleId}>{title}</title>
      <line x1={left} x2={width} y1={mid} y2={mid} stroke="#8a96a3" />
      <text x={left - 4} y={12} textAnchor="end" fontSize="10">
        +{fmt1(max, lang)}
      </text>
      <text x={left - 4} y={mid + 3} textAnchor="end" fontSize="10">
        0
      </text>
      <text x={left - 4} y={plotH - 2} textAnchor="end" fontSize="10">
        −{fmt1(max, lang)}
      </text>
      {shortage.map((s, i) => {
        const up = (surplus[i] / fteHours) * scale;
        const down = (s / fteHours) * scale;
        const x = left + i * bw;
        return (
          <g key={i}>
            {up > 0 && <rect x={x} y={mid - up} width={Math.max(1, bw - 1)} height={up} fill="#5aa469" />}
            {down > 0 && <rect x={x} y={mid} width={Math.max(1, bw - 1)} height={down} fill="#c9453b" />}
            {i % 4 === 0 && (
              <text x={x} y={height - 4} fontSize="10" fill="#5a6676">
                {new Date(`${weekStarts[i]}T12:00:00`).toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL', {
                  month: 'short',
                })}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** One line per series over the periods; null values (hidden groups) leave a gap with a hollow mark. */
export function TrendChart({
  labels,
  series,
  title,
}: {
  labels: string[];
  series: Array<{ name: string; color: string; values: Array<number | null> }>;
  title: string;
}) {
  const titleId = useId();
  const width = 720;
  const height = 200;
  const left = 40;
  const bottom = 20;
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = Math.max(1, ...all);
  const min = Math.min(0, ...all);
  const x = (i: number) => left + (labels.length <= 1 ? 0 : (i * (width - left - 10)) / (labels.length - 1));
  const y = (v: number) => 8 + ((max - v) * (height - bottom - 16)) / (max - min || 1);
  return (
    <svg className="trend-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId}>
      <title id={titleId}>{title}</title>
      <line x1={left} x2={width} y1={y(min)} y2={y(min)} stroke="#c8d0d8" />
      <text x={left - 4} y={y(max) + 4} textAnchor="end" fontSize="10">
        {Math.round(max * 10) / 10}
      </text>
      <text x={left - 4} y={y(min)} textAnchor="end" fontSize="10">
        {Math.round(min * 10) / 10}
      </text>
      {labels.map((l, i) => (
        <text key={l} x={x(i)} y={height - 4} fontSize="10" textAnchor="middle" fill="#5a6676">
          {l}
        </text>
      ))}
      {series.map((s) => {
        const segments: string[] = [];
        let current = '';
        s.values.forEach((v, i) => {
          if (v === null) {
            if (current) segments.push(current);
            current = '';
          } else current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
        });
        if (current) segments.push(current);
        return (
          <g key={s.name}>
            {segments.map((d) => (
              <path key={d} d={d} fill="none" stroke={s.color} strokeWidth={2} />
            ))}
            {s.values.map((v, i) =>
              v === null ? (
                <circle key={i} cx={x(i)} cy={y(min) - 4} r={3} fill="none" stroke={s.color}>
                  <title>{s.name}</title>
                </circle>
              ) : (
                <circle key={i} cx={x(i)} cy={y(v)} r={2.5} fill={s.color} />
              ),
            )}
          </g>
        );
      })}
    </svg>
  );
}
