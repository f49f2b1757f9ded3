// Charts as plain SVG: a line over months or years (with the interval as a band), bars across categories (with
// interval whiskers and the all-nationality figure as a reference line).

const NS = 'http://www.w3.org/2000/svg';

function el(name, attrs, parent, text) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  if (parent) parent.appendChild(node);
  return node;
}

function niceMax(v, isRate) {
  if (isRate) return v <= 0.5 ? Math.max(0.1, Math.ceil(v * 10) / 10) : 1;
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

// points: [{label, value, low, high}] in order; reference: {label, value} or null.
export function lineChart(container, { points, reference, format, isRate, title }) {
  container.replaceChildren();
  const W = 720, H = 300, L = 56, R = 16, T = 16, B = 48;
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title, class: 'chart line' }, container);
  const vals = points.flatMap((p) => [p.value, p.high]).concat(reference ? [reference.value] : []);
  const max = niceMax(Math.max(0, ...vals.filter((v) => typeof v === 'number')), isRate);
  const x = (i) => L + (points.length <= 1 ? (W - L - R) / 2 : (i * (W - L - R)) / (points.length - 1));
  const y = (v) => T + (H - T - B) * (1 - v / max);
  for (let t = 0; t <= 4; t++) {
    const v = (max * t) / 4;
    el('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'grid' }, svg);
    el('text', { x: L - 6, y: y(v) + 4, class: 'tick', 'text-anchor': 'end' }, svg, format(v));
  }
  const banded = points.filter((p) => typeof p.low === 'number' && typeof p.high === 'number');
  if (banded.length === points.length && points.length > 1) {
    const upper = points.map((p, i) => `${x(i)},${y(p.high)}`);
    const lower = points.map((p, i) => `${x(i)},${y(p.low)}`).reverse();
    el('polygon', { points: upper.concat(lower).join(' '), class: 'band' }, svg);
  }
  if (reference && typeof reference.value === 'number') {
    el('line', { x1: L, x2: W - R, y1: y(reference.value), y2: y(reference.value), class: 'reference' }, svg);
  }
  const path = points.filter((p) => typeof p.value === 'number').map((p) => `${x(points.indexOf(p))},${y(p.value)}`);
  if (path.length) el('polyline', { points: path.join(' '), class: 'series' }, svg);
  const every = Math.max(1, Math.ceil(points.length / 12));
  points.forEach((p, i) => {
    if (typeof p.value === 'number') {
      const dot = el('circle', { cx: x(i), cy: y(p.value), r: 3.5, class: 'point', 'data-label': p.label }, svg);
      el('title', {}, dot, `${p.label}: ${format(p.value)}`);
    }
    if (i % every === 0) el('text', { x: x(i), y: H - B + 18, class: 'tick', 'text-anchor': 'middle' }, svg, p.label);
  });
}

// bars: [{label, value, low, high, muted}] top to bottom.
export function barChart(container, { bars, reference, format, isRate, title }) {
  container.replaceChildren();
  const row = 24, W = 720, L = 200, R = 72, T = 8, B = 28;
  const H = T + B + row * Math.max(1, bars.length);
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title, class: 'chart bars' }, container);
  const vals = bars.flatMap((b) => [b.value, b.high]).concat(reference ? [reference.value] : []);
  const max = niceMax(Math.max(0, ...vals.filter((v) => typeof v === 'number')), isRate);
  const x = (v) => L + ((W - L - R) * v) / max;
  for (let t = 0; t <= 4; t++) {
    const v = (max * t) / 4;
    el('line', { x1: x(v), x2: x(v), y1: T, y2: H - B, class: 'grid' }, svg);
    el('text', { x: x(v), y: H - B + 16, class: 'tick', 'text-anchor': 'middle' }, svg, format(v));
  }
  bars.forEach((b, i) => {
    const top = T + i * row;
    const label = b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label;
    el('text', { x: L - 8, y: top + row / 2 + 4, class: 'label', 'text-anchor': 'end' }, svg, label);
    if (typeof b.value !== 'number') return;
    const rect = el('rect', { x: L, y: top + 4, width: Math.max(1, x(b.value) - L), height: row - 8,
      class: b.muted ? 'bar muted' : 'bar', 'data-label': b.label }, svg);
    el('title', {}, rect, `${b.label}: ${format(b.value)}`);
    if (typeof b.low === 'number' && typeof b.high === 'number') {
      const mid = top + row / 2;
      el('line', { x1: x(b.low), x2: x(b.high), y1: mid, y2: mid, class: 'whisker' }, svg);
      el('line', { x1: x(b.low), x2: x(b.low), y1: mid - 5, y2: mid + 5, class: 'whisker' }, svg);
      el('line', { x1: x(b.high), x2: x(b.high), y1: mid - 5, y2: mid + 5, class: 'whisker' }, svg);
    }
    el('text', { x: W - R + 6, y: top + row / 2 + 4, class: 'value' }, svg, format(b.value));
  });
  if (reference && typeof reference.value === 'number') {
    el('line', { x1: x(reference.value), x2: x(reference.value), y1: T, y2: H - B, class: 'reference' }, svg);
  }
}
