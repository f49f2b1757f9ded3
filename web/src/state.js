// The dashboard's state: what the address bar holds (so a view can be shared), and the API request it becomes.

export const VIEWS = ['asylum', 'backlog', 'wait-times', 'check'];
export const FIELDS = ['nationality', 'court', 'judge', 'custody', 'represented', 'asylum-type', 'window', 'year',
  'from', 'to', 'as-of', 'definition', 'by', 'limit'];
const TIME_DIMS = new Set(['fy', 'month']);
export const DEFAULT_LIMIT = 25;

// The latest September–August year that the release covers in full ("2026-09-30" -> 2026).
export function defaultYear(dataThrough) {
  const m = /^(\d{4})-(\d{2})/.exec(dataThrough || '');
  if (!m) return new Date().getFullYear() - 1;
  const year = Number(m[1]);
  return Number(m[2]) >= 9 ? year : year - 1;
}

export function defaults(dataThrough) {
  return { view: 'asylum', window: 'sepaug', year: String(defaultYear(dataThrough)), definition: 'trac' };
}

export function readState(search, dataThrough) {
  const q = new URLSearchParams(search);
  const s = { ...defaults(dataThrough) };
  if (VIEWS.includes(q.get('view'))) s.view = q.get('view');
  for (const f of FIELDS) if (q.has(f)) s[f] = q.get(f);
  return s;
}

// Only what differs from the defaults goes into the address.
export function writeState(state, dataThrough) {
  const d = defaults(dataThrough);
  const q = new URLSearchParams();
  if (state.view !== d.view) q.set('view', state.view);
  for (const f of FIELDS) if (state[f] && state[f] !== d[f]) q.set(f, state[f]);
  const text = q.toString();
  return text ? `?${text}` : '';
}

export function isTimeGrouping(state) { return TIME_DIMS.has(state.by); }
export function usesWindow(state) { return state.view !== 'backlog'; }

// What the view measures: the charted field, its interval, the count behind it, the field to sort by.
export function measureOf(state) {
  if (state.view === 'backlog') {
    return { value: 'pending', label: 'pending proceedings', sortBy: 'pending', kind: 'count',
      columns: [['pending', 'Pending', 'count'], ['pending_asylum', 'With asylum', 'count'],
        ['inactive_admin_closed', 'Admin. closed', 'count'], ['median_age_days', 'Median age (days)', 'days']] };
  }
  if (state.view === 'wait-times') {
    return { value: 'median_days', label: 'median days to decision', sortBy: 'measured', kind: 'days',
      columns: [['measured', 'Decisions measured', 'count'], ['median_days', 'Median days', 'days'],
        ['mean_days', 'Mean days', 'days']] };
  }
  const defs = {
    trac: ['grant_rate_TRAC', 'grant rate (TRAC)', 'grants', 'decisions_TRAC'],
    eoir: ['grant_rate_EOIR', 'grant rate (EOIR)', 'grants_EOIR', null],
    'eoir-legacy': ['grant_rate_legacy', 'grant rate (EOIR legacy)', 'grants', null],
    'trac-outcomes': ['remain_rate', 'allowed to remain', null, 'completed_with_asylum'],
  };
  const [value, label, k, n] = defs[state.definition] || defs.trac;
  const columns = [['decisions_TRAC', 'Decisions (TRAC)', 'count'], ['grants', 'Grants', 'count']];
  if (n && n !== 'decisions_TRAC') columns.push([n, 'Completed with asylum', 'count']);
  if (k && k !== 'grants') columns.push([k, 'Grants (EOIR)', 'count']);
  columns.push([value, label[0].toUpperCase() + label.slice(1), 'rate']);
  return { value, label, sortBy: 'decisions_TRAC', kind: 'rate', columns, grants: k, decisions: n };
}

// The API request for a state: the CLI's parameters, always JSON with a receipt.
export function apiParams(state) {
  const q = new URLSearchParams();
  for (const f of ['nationality', 'court', 'judge', 'custody', 'represented', 'asylum-type']) {
    if (state[f]) q.set(f, state[f].trim());
  }
  if (usesWindow(state)) {
    const year = Number(state.year);
    if (state.window === 'sepaug' && year) {
      q.set('from', `${year - 1}-09`);
      q.set('to', `${year}-08`);
    } else if (state.window === 'fy' && year) {
      q.set('fy', String(year));
    } else if (state.window === 'custom') {
      if (state.from) q.set('from', state.from);
      if (state.to) q.set('to', state.to);
    }
  } else if (state['as-of']) {
    q.set('as-of', state['as-of']);
  }
  if (state.view === 'asylum') {
    const def = state.definition || 'trac';
    q.set('definition', def === 'trac' ? 'trac' : `trac,${def}`);  // TRAC's counts order and size the rows
  }
  if (state.by) {
    q.set('by', state.by);
    if (!isTimeGrouping(state)) {
      q.set('sort', measureOf(state).sortBy);
      q.set('limit', String(Number(state.limit) || DEFAULT_LIMIT));
    }
  }
  q.set('receipt', '1');
  return q;
}

// A September–August or fiscal-year window described in words, for the headline.
export function windowWords(state) {
  if (!usesWindow(state)) return state['as-of'] ? `on ${state['as-of']}` : 'on the release\'s last day';
  const year = Number(state.year);
  if (state.window === 'sepaug' && year) return `September ${year - 1} to August ${year}`;
  if (state.window === 'fy' && year) return `fiscal year ${year}`;
  if (state.window === 'custom') return `${state.from || 'the start'} to ${state.to || 'the end'}`;
  return 'all years';
}
