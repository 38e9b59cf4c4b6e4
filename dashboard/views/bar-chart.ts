// Horizontal bar charts as server-rendered SVG: no chart script, nothing for the CSP to
// allow, and the numbers stay readable without JavaScript.
import { html } from 'hono/html';
import type { Html } from './layout.ts';

const BAR_HEIGHT = 18;
const GAP = 6;
const LABEL_WIDTH = 220;
const BAR_AREA = 360;

export function barChart(title: string, rows: { label: string; count: number }[]): Html {
  const max = Math.max(1, ...rows.map((row) => row.count));
  const height = rows.length * (BAR_HEIGHT + GAP) + GAP;
  return html`<svg class="chart" role="img" aria-label="${title}" viewBox="0 0 ${LABEL_WIDTH + BAR_AREA + 60} ${height}"
    width="${LABEL_WIDTH + BAR_AREA + 60}" height="${height}" xmlns="http://www.w3.org/2000/svg">
    ${rows.map((row, index) => {
      const y = GAP + index * (BAR_HEIGHT + GAP);
      const width = Math.max(1, Math.round((row.count / max) * BAR_AREA));
      return html`<g>
        <text x="${LABEL_WIDTH - 6}" y="${y + BAR_HEIGHT - 4}" text-anchor="end" font-size="12">${truncate(row.label, 34)}</text>
        <rect x="${LABEL_WIDTH}" y="${y}" width="${width}" height="${BAR_HEIGHT}" fill="#0b3d5c"></rect>
        <text x="${LABEL_WIDTH + width + 4}" y="${y + BAR_HEIGHT - 4}" font-size="12">${row.count}</text>
      </g>`;
    })}
  </svg>`;
}

function truncate(label: string, length: number): string {
  return label.length > length ? `${label.slice(0, length - 1)}…` : label;
}
