// Drives the dashboard in headless Chromium: the numbers on the page equal the API's, the state lives in the URL,
// groupings switch the chart between bars and a line, errors show, keyboard and narrow screens work.
// Usage: node dashboard_test.mjs IMMSTATS_BIN STORE_DIR OUT_DIR (screenshots go to OUT_DIR)
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [bin, store, out] = process.argv.slice(2);
const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), '../../web/package.json'));
const { chromium } = require('playwright-core');

function startServer() {
  const child = spawn(bin, ['serve', '--store', store, '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (d) => {
      text += d;
      const m = /dashboard\s+(http:\/\/\S+)/.exec(text);
      if (m) resolve({ child, base: m[1].replace(/\/$/, '') });
    });
    child.on('exit', (code) => reject(new Error(`immstats serve exited with ${code}: ${text}`)));
  });
}

const { child, base } = await startServer();
const api = async (path) => (await fetch(base + path)).json();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // Waits until the page has drawn the answer to an API request matching `pattern`.
  const answered = (pattern) => page.waitForFunction((p) => new RegExp(p).test(document.body.dataset.ready || ''), pattern.source);
  const step = (name) => console.log(`- ${name}`);

  step('the page loads and answers its default view');
  await page.goto(`${base}/`);
  await answered(/\/api\/asylum\?/);
  assert.match(await page.textContent('#snapshot'), /Snapshot browser/);

  step('a nationality and a September-August window: the page shows the API\'s numbers');
  await page.fill('input[name=nationality]', 'Honduras');
  await page.selectOption('select[name=window]', 'sepaug');
  await page.fill('input[name=year]', '2024');
  await answered(/nationality=Honduras.*from=2023-09&to=2024-08/);
  const want = await api('/api/asylum?nationality=Honduras&from=2023-09&to=2024-08&definition=trac');
  const row = want.rows.find((r) => !r.comparison);
  const all = want.rows.find((r) => r.comparison);
  for (const field of ['grants', 'decisions_TRAC', 'grant_rate_TRAC']) {
    const shown = await page.getAttribute(`#summary [data-field=${field}]`, 'data-value');
    assert.equal(Number(shown), row[field], `summary ${field}`);
    const cell = await page.getAttribute(`#table tr[data-key=SELECTION] td[data-field=${field}]`, 'data-value');
    assert.equal(Number(cell), row[field], `table ${field}`);
  }
  const allCell = await page.getAttribute('#table tr[data-key=ALL] td[data-field=grant_rate_TRAC]', 'data-value');
  assert.equal(Number(allCell), all.grant_rate_TRAC, 'all-nationality row');
  assert.match(page.url(), /nationality=Honduras/);
  assert.match(page.url(), /year=2024/);
  assert.match(await page.textContent('#receipt'), /"sources"/);
  await page.screenshot({ path: join(out, 'dashboard-nationality.png'), fullPage: true });

  step('the address is the view: a fresh page on it shows the same figure');
  const shared = await browser.newPage();
  await shared.goto(page.url());
  await shared.waitForFunction(() => /nationality=Honduras/.test(document.body.dataset.ready || ''));
  assert.equal(Number(await shared.getAttribute('#summary [data-field=grant_rate_TRAC]', 'data-value')), row.grant_rate_TRAC);
  await shared.close();

  step('grouping by fiscal year over all years draws a line with one point per year');
  await page.fill('input[name=nationality]', '');
  await page.selectOption('select[name=window]', 'all');
  await page.selectOption('select[name=by]', 'fy');
  await answered(/by=fy/);
  const years = await api('/api/asylum?by=fy&definition=trac');
  const yearRows = years.rows.filter((r) => !r.comparison);
  assert.ok(yearRows.length > 5, 'years in the release');
  assert.equal(await page.locator('#chart svg polyline.series').count(), 1);
  assert.equal(await page.locator('#chart svg circle.point').count(), yearRows.filter((r) => r.grant_rate_TRAC !== null).length);
  assert.equal(await page.locator('#table tbody tr').count(), years.rows.length);

  step('grouping by nationality draws bars, largest first, as many as the API returns');
  await page.selectOption('select[name=window]', 'fy');
  await page.fill('input[name=year]', '2024');
  await page.selectOption('select[name=by]', 'nationality');
  await answered(/by=nationality/);
  const nats = await api('/api/asylum?fy=2024&by=nationality&definition=trac&sort=decisions_TRAC&limit=25');
  const natRows = nats.rows.filter((r) => !r.comparison);
  assert.equal(await page.locator('#chart svg rect.bar').count(), natRows.filter((r) => r.grant_rate_TRAC !== null).length);
  const firstKey = await page.getAttribute('#table tbody tr:first-child', 'data-key');
  assert.equal(firstKey, natRows[0].nationality);
  assert.match(await page.getAttribute('#csv', 'href'), /format=csv/);
  await page.screenshot({ path: join(out, 'dashboard-by-nationality.png'), fullPage: true });

  step('a misspelt nationality shows the API\'s message with suggestions');
  await page.fill('input[name=nationality]', 'Hondurass');
  await answered(/nationality=Hondurass/);
  assert.match(await page.textContent('#error'), /closest: Honduras/);
  assert.equal(await page.isVisible('#error'), true);
  await page.fill('input[name=nationality]', '');
  await answered(/by=nationality&sort/);

  step('the keyboard moves between measures (arrow keys on the tabs)');
  await page.focus('[data-view=asylum]');
  await page.keyboard.press('ArrowRight');
  await answered(/\/api\/backlog\?/);
  assert.match(page.url(), /view=backlog/);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.view), 'backlog');
  const backlog = await api('/api/backlog?by=nationality&sort=pending&limit=25');
  const topRow = backlog.rows[0];
  assert.equal(Number(await page.getAttribute(`#table tr[data-key="${topRow.nationality}"] td[data-field=pending]`, 'data-value')), topRow.pending);

  step('check an article: figures taken from the API match, an altered one differs, each marked in the text');
  const fy = await api('/api/asylum?fy=2024&definition=trac');
  const total = fy.rows[0];
  const article = `Immigration judges decided ${total.decisions_TRAC.toLocaleString('en-US')} asylum cases in fiscal 2024, ` +
    `granting ${(total.grant_rate_TRAC * 100).toFixed(1)}% of them, according to TRAC.\n\n` +
    `Judges granted asylum in ${(total.grants + 50).toLocaleString('en-US')} cases in fiscal 2024.`;
  await page.click('[data-view=check]');
  await answered(/^check$/);
  assert.match(page.url(), /view=check/);
  assert.equal(await page.isVisible('#controls'), false);
  await page.fill('#check-text', article);
  await page.click('#check-run');
  await answered(/^check:/);
  assert.equal(await page.isVisible('#check-error'), false, await page.textContent('#check-error'));
  assert.equal(await page.locator('#check-article mark.matches').count(), 2);
  assert.equal(await page.locator('#check-article mark.differs').count(), 1);
  assert.equal(await page.getAttribute('#check-claim-1', 'data-verdict'), 'matches');
  assert.equal(await page.getAttribute('#check-claim-2', 'data-verdict'), 'differs');
  assert.match(await page.textContent('#check-claim-2'), new RegExp(`→ ${total.grants.toLocaleString('en-US')}`));
  assert.match(await page.textContent('#check-summary'), /2 claims: 1 matches, 0 close, 1 differ, 0 cannot be checked/);
  await page.screenshot({ path: join(out, 'dashboard-check.png'), fullPage: true });
  await page.click('[data-view=asylum]');
  await answered(/\/api\/asylum\?/);

  step('a narrow screen: one column, nothing wider than the screen');
  await page.setViewportSize({ width: 390, height: 844 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no sideways scroll');
  await page.screenshot({ path: join(out, 'dashboard-narrow.png'), fullPage: true });

  assert.deepEqual(pageErrors, [], 'no script errors');
  console.log(`ok: dashboard checks passed; screenshots in ${out}`);
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await browser.close();
  child.kill('SIGTERM');
}
process.exit(failed ? 1 : 0);
