/**
 * The add-on's embedded charts, drawn simply in SVG where Sheets would float
 * them: bars for BAR and COLUMN, lines for the rest. Labels are SVG text
 * nodes, never markup.
 */
import type { ChartView } from '../types';
import { el, svg } from './dom';

const WIDTH = 460;
const HEIGHT = 260;
const PALETTE = ['#4285f4', '#db4437', '#f4b400', '#0f9d58', '#ab47bc', '#00acc1'];

export function drawChart(chart: ChartView): HTMLElement {
  const drawing = chart.type === 'BAR' || chart.type === 'COLUMN' ? bars(chart) : lines(chart);
  return el(
    'figure',
    { class: 'chart', 'data-chart-type': chart.type },
    el('figcaption', {}, chart.title),
    drawing,
  );
}

function formatValue(value: number, format: string): string {
  return format === 'percent'
    ? `${Math.round(value * 100)}%`
    : String(Math.round(value * 100) / 100);
}

function bars(chart: ChartView): SVGElement {
  const values = chart.series[0]?.values ?? [];
  const max = Math.max(1e-9, ...values.map((v) => v ?? 0));
  const labelWidth = 150;
  const top = 8;
  const rowHeight = Math.max(
    12,
    Math.min(24, (HEIGHT - top * 2) / Math.max(1, chart.labels.length)),
  );
  const barSpace = WIDTH - labelWidth - 50;
  const root = svg('svg', {
    width: WIDTH,
    height: HEIGHT,
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-label': chart.title,
  });
  chart.labels.forEach((label, i) => {
    const value = values[i] ?? null;
    const y = top + i * rowHeight;
    root.appendChild(
      svg(
        'text',
        { x: labelWidth - 6, y: y + rowHeight * 0.7, 'text-anchor': 'end', class: 'chart-label' },
        label,
      ),
    );
    if (value === null) return;
    const width = Math.max(0, (value / max) * barSpace);
    root.appendChild(
      svg('rect', { x: labelWidth, y: y + 2, width, height: rowHeight - 4, fill: PALETTE[0] }),
    );
    root.appendChild(
      svg(
        'text',
        { x: labelWidth + width + 4, y: y + rowHeight * 0.7, class: 'chart-value' },
        formatValue(value, chart.format),
      ),
    );
  });
  return root;
}

function lines(chart: ChartView): SVGElement {
  const left = 44;
  const right = 30;
  const top = 10;
  const bottom = 46;
  const all = chart.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const max = Math.max(1e-9, ...all);
  const min = Math.min(0, ...all);
  const n = Math.max(1, chart.labels.length - 1);
  const x = (i: number): number => left + (i / n) * (WIDTH - left - right);
  const y = (v: number): number =>
    top + (1 - (v - min) / (max - min || 1)) * (HEIGHT - top - bottom);
  const root = svg('svg', {
    width: WIDTH,
    height: HEIGHT,
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-label': chart.title,
  });
  root.appendChild(
    svg('line', { x1: left, y1: y(min), x2: WIDTH - right, y2: y(min), class: 'chart-axis' }),
  );
  for (const value of [min, max]) {
    root.appendChild(
      svg(
        'text',
        { x: left - 4, y: y(value) + 4, 'text-anchor': 'end', class: 'chart-value' },
        formatValue(value, chart.format),
      ),
    );
  }
  chart.labels.forEach((label, i) => {
    if (chart.labels.length > 8 && i % 2 === 1) return;
    root.appendChild(
      svg(
        'text',
        { x: x(i), y: HEIGHT - bottom + 14, 'text-anchor': 'middle', class: 'chart-label' },
        label,
      ),
    );
  });
  chart.series.forEach((series, s) => {
    const colour = PALETTE[s % PALETTE.length] as string;
    const points = series.values
      .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
      .filter((p): p is string => p !== null);
    if (points.length > 0)
      root.appendChild(
        svg('polyline', {
          points: points.join(' '),
          fill: 'none',
          stroke: colour,
          'stroke-width': 2,
        }),
      );
    root.appendChild(
      svg('rect', { x: left + s * 130, y: HEIGHT - 18, width: 10, height: 10, fill: colour }),
    );
    root.appendChild(
      svg('text', { x: left + s * 130 + 14, y: HEIGHT - 9, class: 'chart-label' }, series.name),
    );
  });
  return root;
}
