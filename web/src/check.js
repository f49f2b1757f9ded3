// "Check an article": posts the pasted text to /api/check and shows the article with each figure marked by its
// verdict, and one row per claim with our figure, the definition and the command that reproduces it.
const $ = (id) => document.getElementById(id);
const cls = (verdict) => verdict.replace(' ', '-');

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'className') node.className = v; else node.setAttribute(k, v);
  }
  node.append(...children);
  return node;
}

function renderArticle(report) {
  const box = $('check-article');
  box.replaceChildren(...report.segments.map((s) => {
    if (s.claim === undefined) return document.createTextNode(s.text);
    const claim = report.claims[s.claim];
    const check = (claim.checks || [])[s.figure] || {};
    const title = `${s.verdict}${check.ours ? `: ours ${check.ours}` : ''}${check.reason ? ` (${check.reason})` : ''}`;
    const frag = document.createDocumentFragment();
    frag.append(el('mark', { className: cls(s.verdict), title, 'data-claim': String(s.claim) }, s.text),
      el('sup', {}, el('a', { href: `#check-claim-${s.claim + 1}` }, String(s.claim + 1))));
    return frag;
  }));
}

function renderTable(report) {
  const head = el('tr', {}, ...['#', 'Claim', 'Our figure', 'Verdict', 'Source and definition'].map((t) => el('th', { scope: 'col' }, t)));
  const rows = report.claims.map((c, i) => {
    const ours = (c.checks || []).map((f) => el('div', {}, `${f.text} → ${f.ours ?? '–'} `, el('small', {}, `(${f.verdict}${f.reason ? `: ${f.reason}` : ''})`)));
    const where = el('td', {}, c.source ? `${c.source}, ${c.definition}` : c.reason);
    if (c.command) where.append(el('div', {}, el('code', {}, c.command)));
    return el('tr', { id: `check-claim-${i + 1}`, 'data-verdict': c.verdict }, el('td', {}, String(i + 1)), el('td', {}, c.sentence),
      el('td', {}, ...ours), el('td', { className: 'verdict' }, el('mark', { className: cls(c.verdict) }, c.verdict)), where);
  });
  $('check-table').replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
}

async function run(e) {
  e.preventDefault();
  const text = $('check-text').value;
  const date = $('check-date').value;
  $('check-error').hidden = true;
  document.body.classList.add('busy');
  try {
    const res = await fetch(`/api/check${date ? `?date=${date}` : ''}`, { method: 'POST', body: text,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', Accept: 'application/json' } });
    const report = await res.json();
    if (!res.ok) throw new Error(report.error ? report.error.message : `HTTP ${res.status}`);
    const s = report.summary;
    $('check-summary').textContent = `${s.claims} claims: ${s.matches} ${s.matches === 1 ? 'matches' : 'match'}, ${s.close} close, ${s.differs} differ, ` +
      `${s.cannot_check} cannot be checked.${report.article_date ? ` Article date ${report.article_date}.` : ''}`;
    renderArticle(report);
    renderTable(report);
  } catch (err) {
    $('check-error').textContent = err.message;
    $('check-error').hidden = false;
  } finally {
    document.body.classList.remove('busy');
    document.body.dataset.ready = `check:${Date.now()}`;
  }
}

export function setupCheck() {
  $('check-form').addEventListener('submit', run);
}
