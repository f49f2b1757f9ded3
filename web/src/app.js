// The dashboard: the form and the address bar hold the view; each change asks the API and draws the answer.
import { barChart, lineChart } from './chart.js';
import { setupCheck } from './check.js';
import { apiParams, isTimeGrouping, measureOf, readState, usesWindow, windowWords, writeState } from './state.js';

const $ = (id) => document.getElementById(id);
const form = $('controls');
let dataThrough = '';
let state = {};
let inflight = null;

const pct = (v) => `${(v * 100).toFixed(1)}%`;
const num = (v) => Number(v).toLocaleString('en-US');
const days = (v) => Number(v).toLocaleString('en-US', { maximumFractionDigits: 1 });
const FORMATS = { rate: pct, count: num, days };

async function getJson(url, signal) {
  const res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => ({ error: { message: `HTTP ${res.status}` } }));
  if (!res.ok) throw new Error(body.error ? body.error.message : `HTTP ${res.status}`);
  return body;
}

function fillList(id, names) {
  const list = $(id);
  list.replaceChildren(...names.map((n) => {
    const o = document.createElement('option');
    o.value = n.name;
    o.label = n.code;
    return o;
  }));
}

function showWhen() {
  const wantsWindow = usesWindow(state);
  for (const node of form.querySelectorAll('[data-when]')) {
    const w = node.dataset.when;
    const shown = w === 'window' ? wantsWindow
      : w === 'as-of' ? !wantsWindow
        : w === 'year' ? wantsWindow && (state.window === 'sepaug' || state.window === 'fy')
          : w === 'custom' ? wantsWindow && state.window === 'custom'
            : w === 'definition' ? state.view === 'asylum' : true;
    node.hidden = !shown;
  }
  for (const tab of document.querySelectorAll('[data-view]')) {
    const on = tab.dataset.view === state.view;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
  }
}

function stateToForm() {
  for (const el of form.elements) if (el.name) el.value = state[el.name] || '';
}

function formToState() {
  const next = { view: state.view };
  for (const el of form.elements) if (el.name && el.value !== '') next[el.name] = el.value;
  return next;
}

// The label of a row: the names of its grouping cells, or the slice it answers for.
function rowLabel(row, by) {
  if (row.comparison) return row.nationality_name || 'All';
  if (!by) return row.nationality_name || 'Selection';
  const key = by.replace('-', '_');
  return String(row[`${key}_name`] || (row[key] ?? '(none)'));
}

function renderTable(rows, measure) {
  const by = state.by;
  const table = $('table');
  const head = document.createElement('tr');
  const byText = by ? (form.elements.by.selectedOptions[0] || {}).text || by : 'Slice';
  const cols = [[null, byText[0].toUpperCase() + byText.slice(1), 'label']].concat(measure.columns);
  if (measure.kind === 'rate') cols.push([`${measure.value}_ci`, '95% interval', 'ci']);
  for (const [, title] of cols) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = title;
    head.appendChild(th);
  }
  const body = rows.map((row) => {
    const tr = document.createElement('tr');
    tr.dataset.key = by ? String(row[by.replace('-', '_')] ?? '') : (row.comparison ? 'ALL' : 'SELECTION');
    if (row.comparison) tr.className = 'comparison';
    if (row.not_ranked || row.below_threshold) tr.classList.add('flagged');
    for (const [field, , kind] of cols) {
      const td = document.createElement(kind === 'label' ? 'th' : 'td');
      if (kind === 'label') {
        td.scope = 'row';
        td.textContent = rowLabel(row, by) + (row.not_ranked ? ' (not ranked)' : row.below_threshold ? ' (few decisions)' : '');
      } else if (kind === 'ci') {
        const lo = row[`${measure.value}_ci_low`], hi = row[`${measure.value}_ci_high`];
        td.textContent = typeof lo === 'number' ? `${pct(lo)}–${pct(hi)}` : '–';
      } else {
        td.dataset.field = field;
        const v = row[field];
        td.textContent = typeof v === 'number' ? FORMATS[kind](v) : '–';
        if (typeof v === 'number') td.dataset.value = String(v);
      }
      tr.appendChild(td);
    }
    return tr;
  });
  const thead = document.createElement('thead');
  thead.appendChild(head);
  const tbody = document.createElement('tbody');
  tbody.append(...body);
  table.replaceChildren(thead, tbody);
}

function renderSummary(rows, measure) {
  const main = rows.find((r) => !r.comparison);
  const all = rows.find((r) => r.comparison);
  const box = $('summary');
  box.replaceChildren();
  if (state.by || !main) return;
  const f = FORMATS[measure.kind];
  const span = (field, v, fmt) => {
    const s = document.createElement('strong');
    s.dataset.field = field;
    s.dataset.value = String(v);
    s.textContent = fmt(v);
    return s;
  };
  const parts = [];
  if (measure.kind === 'rate' && measure.grants && typeof main[measure.decisions || 'decisions_TRAC'] === 'number') {
    parts.push(`${rowLabel(main, '')}: `, span(measure.grants, main[measure.grants], num), ' grants in ',
      span('decisions_TRAC', main.decisions_TRAC, num), ' decisions, ');
  } else {
    parts.push(`${rowLabel(main, '')}: `);
  }
  parts.push(`${measure.label} `, span(measure.value, main[measure.value], f));
  if (measure.kind === 'rate' && typeof main[`${measure.value}_ci_low`] === 'number') {
    parts.push(` (95% interval ${pct(main[`${measure.value}_ci_low`])}–${pct(main[`${measure.value}_ci_high`])})`);
  }
  if (all && typeof all[measure.value] === 'number') parts.push(', against ', f(all[measure.value]), ' for all nationalities');
  parts.push('.');
  box.append(...parts);
}

function renderChart(rows, measure) {
  const isRate = measure.kind === 'rate';
  const format = FORMATS[measure.kind];
  const main = rows.filter((r) => !r.comparison);
  const ref = rows.find((r) => r.comparison);
  const reference = ref ? { label: 'all nationalities', value: ref[measure.value] } : null;
  const point = (r) => ({ label: rowLabel(r, state.by), value: r[measure.value],
    low: r[`${measure.value}_ci_low`], high: r[`${measure.value}_ci_high`], muted: r.not_ranked || r.below_threshold });
  const title = `${measure.label} ${state.by ? `by ${state.by}` : ''}`.trim();
  if (isTimeGrouping(state)) {
    lineChart($('chart'), { points: main.map(point), reference, format, isRate, title });
  } else {
    const bars = main.map(point);
    if (!state.by && ref) bars.push({ ...point(ref), muted: true });
    barChart($('chart'), { bars, reference: state.by ? reference : null, format, isRate, title });
  }
  $('chart-caption').textContent = isRate ? 'Bars and line: the rate; whiskers and band: its 95% interval; dashed: all nationalities.' : '';
}

async function refresh() {
  showWhen();
  const checking = state.view === 'check';
  $('check-view').hidden = !checking;
  form.hidden = checking;
  document.querySelector('.results').hidden = checking;
  if (checking) {
    document.body.dataset.ready = 'check';
    return;
  }
  const q = apiParams(state);
  const url = `/api/${state.view}?${q}`;
  const csv = new URLSearchParams(q);
  csv.delete('receipt');
  csv.set('format', 'csv');
  $('csv').href = `/api/${state.view}?${csv}`;
  const json = new URLSearchParams(q);
  json.delete('receipt');
  $('api-link').href = `/api/${state.view}?${json}`;
  if (inflight) inflight.abort();
  inflight = new AbortController();
  document.body.classList.add('busy');
  try {
    const answer = await getJson(url, inflight.signal);
    const measure = measureOf(state);
    $('error').hidden = true;
    $('headline').textContent = `${measure.label[0].toUpperCase()}${measure.label.slice(1)}, ${windowWords(state)}`;
    renderSummary(answer.rows, measure);
    renderChart(answer.rows, measure);
    renderTable(answer.rows, measure);
    $('receipt').textContent = JSON.stringify({ query: answer.query, receipt: answer.receipt }, null, 2);
    document.body.dataset.ready = url;
  } catch (e) {
    if (e.name === 'AbortError') return;
    $('error').textContent = e.message;
    $('error').hidden = false;
    for (const id of ['chart', 'table', 'summary']) $(id).replaceChildren();
    document.body.dataset.ready = url;
  } finally {
    document.body.classList.remove('busy');
  }
}

let timer = null;
function changed(delay) {
  clearTimeout(timer);
  timer = setTimeout(() => {
    state = formToState();
    history.replaceState(null, '', `${location.pathname}${writeState(state, dataThrough)}`);
    refresh();
  }, delay);
}

function selectView(view, focus) {
  state = { ...formToState(), view };
  history.pushState(null, '', `${location.pathname}${writeState(state, dataThrough)}`);
  if (focus) document.querySelector(`[data-view="${view}"]`).focus();
  refresh();
}

async function start() {
  try {
    const info = await getJson('/api/store');
    const latest = info.snapshots.find((s) => s.id === info.latest);
    if (latest) {
      dataThrough = latest.data_through || '';
      $('snapshot').textContent = `Snapshot ${latest.id} · records through ${dataThrough || 'unknown'} · immstats ${info.immstats}`;
    } else {
      $('snapshot').textContent = 'The store holds no snapshot yet: run immstats ingest eoir first.';
    }
  } catch (e) {
    $('snapshot').textContent = `The store could not be read: ${e.message}`;
  }
  state = readState(location.search, dataThrough);
  stateToForm();
  form.addEventListener('input', (e) => changed(e.target.tagName === 'INPUT' && e.target.type !== 'number' ? 350 : 0));
  form.addEventListener('submit', (e) => { e.preventDefault(); changed(0); });
  const tabs = [...document.querySelectorAll('[data-view]')];
  for (const tab of tabs) {
    tab.addEventListener('click', () => selectView(tab.dataset.view, false));
    tab.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(tab);
      const to = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i + tabs.length - 1) % tabs.length] : null;
      if (to) selectView(to.dataset.view, true);
    });
  }
  window.addEventListener('popstate', () => {
    state = readState(location.search, dataThrough);
    stateToForm();
    refresh();
  });
  setupCheck();
  refresh();
  for (const kind of ['nationality', 'court', 'judge']) {
    getJson(`/api/names?kind=${kind}`).then((r) => fillList(`list-${kind}`, r.names)).catch(() => {});
  }
}

start();
