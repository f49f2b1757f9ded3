// Issue 4's speed check (W3, W4, W5, W6 of issue 5), side by side: immstats asylum (a fresh process per query, as a CLI user runs it)
// against DuckDB on its stored base tables and on a precomputed decisions table (in-process, warm), on the
// same release. Every answer is compared before any time is reported.
//
// Usage: node asylum_query_bench.mjs RELEASE_DIR IMMSTATS_BIN STORE_DIR DUCKDB_FILE [RUNS]
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadBaseTables, recordsSql, countsSql, expectedFields, pendingByCourtSql } from '../tests/oracle/asylum_sql.mjs';

const require = createRequire(import.meta.url);
const peers = process.env.IMMSTATS_PEERS_DIR ?? path.join(path.dirname(new URL(import.meta.url).pathname), 'peers');
const { DuckDBInstance } = require(path.join(peers, 'node_modules', '@duckdb', 'node-api'));
const [releaseDir, bin, storeDir, dbFile, runsArg] = process.argv.slice(2);
const RUNS = Number(runsArg ?? 7);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const fresh = !existsSync(dbFile);
const db = await DuckDBInstance.create(dbFile, { threads: '2' });
const con = await db.connect();
const rows = async (sql) => (await con.runAndReadAll(sql)).getRowObjects();
if (fresh) {
  const t0 = performance.now();
  await loadBaseTables(con, releaseDir);
  console.log(`DuckDB: base tables loaded into ${dbFile} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const t1 = performance.now();
  await con.run(`CREATE TABLE rec AS ${recordsSql(false)}`);
  console.log(`DuckDB: decisions table precomputed in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
}

function runImmstats(args, command = 'asylum') {
  const times = [];
  let out = null, rss = 0;
  for (let i = 0; i < RUNS + 1; i++) {
    const t0 = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', bin, command, '--store', storeDir, '--format', 'json', ...args],
                        { maxBuffer: 1 << 30 });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`immstats failed (${r.status} ${r.signal} ${r.error}): ${r.stderr}`);
    out = JSON.parse(r.stdout.toString());
    rss = Math.max(rss, Number(r.stderr.toString().trim().split('\n').pop()));
    if (i > 0) times.push(ms);  // the first run warms the page cache
  }
  return { ms: median(times), rssMb: rss / 1024, out };
}

async function timeDuck(sql) {
  let result = null;
  const times = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const t0 = performance.now();
    result = await rows(sql);
    if (i > 0) times.push(performance.now() - t0);
  }
  return { ms: median(times), result };
}

const span = (await rows(`SELECT max(comp)::VARCHAR hi FROM rec`))[0].hi;
const y = Number(span.slice(0, 4)) - (span.slice(5, 7) >= '09' ? 1 : 2);
const from = `${y}-09-01`, to = `${y + 1}-08-31`;
const report = [];
let mismatches = 0;
function check(label, got, want) {
  for (const [k, v] of Object.entries(expectedFields(want))) {
    if ((got ? got[k] : 0) !== v) { mismatches++; console.error(`MISMATCH ${label} ${k}: immstats ${got?.[k]} duckdb ${v}`); }
  }
}

// Q1: one nationality, a September-August window, every definition, with the all-nationality row.
{
  const where = [`comp BETWEEN DATE '${from}' AND DATE '${to}'`];
  const im = runImmstats(['--nationality', 'HO', '--from', from, '--to', to]);
  const base = await timeDuck(`${countsSql(`(${recordsSql(false)})`, [...where, `nat = 'HO'`])} UNION ALL ${countsSql(`(${recordsSql(false)})`, where)}`);
  const pre = await timeDuck(`${countsSql('rec', [...where, `nat = 'HO'`])} UNION ALL ${countsSql('rec', where)}`);
  check('Q1', im.out.rows[0], base.result[0]);
  check('Q1 all', im.out.rows[1], base.result[1]);
  check('Q1 pre', im.out.rows[0], pre.result[0]);
  report.push(['W3: one nationality, Sep-Aug window, all definitions', im, base, pre]);
}
// Q2: grant rates by nationality x fiscal year, every year.
{
  const group = (src) => `SELECT nat, CAST(year(comp + INTERVAL 3 MONTH) AS INTEGER) fy, count(*) FILTER (WHERE k = 0) g,
    count(*) FILTER (WHERE k = 1) d, count(*) FILTER (WHERE k = 2) l, count(*) FILTER (WHERE k IN (3, 4, 5, 6)) o
    FROM ${src} GROUP BY ALL`;
  const im = runImmstats(['--by', 'nationality,fy']);
  const base = await timeDuck(group(`(${recordsSql(false)})`));
  const pre = await timeDuck(group('rec'));
  const byKey = new Map(im.out.rows.map((r) => [`${r.nationality}|${r.fy}`, r]));
  for (const w of base.result) check(`Q2 ${w.nat} ${w.fy}`, byKey.get(`${w.nat}|${w.fy}`), w);
  if (base.result.length !== im.out.rows.length) { mismatches++; console.error(`MISMATCH Q2 rows ${im.out.rows.length} vs ${base.result.length}`); }
  report.push(['W6: by nationality x fiscal year', im, base, pre]);
}
// Q3 (issue 5's W4): grant rates by judge for the court with the most decisions in the window (TRAC's judge
// table: thresholds are flags on the rows, not filters, so every judge's counts are compared).
{
  const where = [`comp BETWEEN DATE '${from}' AND DATE '${to}'`];
  const busiest = (await rows(`SELECT court FROM rec WHERE ${where[0]} AND court IS NOT NULL
                               GROUP BY court ORDER BY count(*) DESC, court LIMIT 1`))[0].court;
  const group = (src) => `SELECT coalesce(judge, '') judge, count(*) FILTER (WHERE k = 0) g,
    count(*) FILTER (WHERE k = 1) d, count(*) FILTER (WHERE k = 2) l, count(*) FILTER (WHERE k IN (3, 4, 5, 6)) o
    FROM ${src} WHERE ${where[0]} AND court = '${busiest}' GROUP BY ALL`;
  const im = runImmstats(['--court', busiest, '--by', 'judge', '--from', from, '--to', to]);
  const base = await timeDuck(group(`(${recordsSql(false)})`));
  const pre = await timeDuck(group('rec'));
  const byKey = new Map(im.out.rows.map((r) => [r.judge ?? '', r]));
  for (const w of base.result) check(`Q3 ${busiest} ${w.judge}`, byKey.get(w.judge), w);
  if (base.result.length !== im.out.rows.length) { mismatches++; console.error(`MISMATCH Q3 rows ${im.out.rows.length} vs ${base.result.length}`); }
  report.push([`W4: by judge, court ${busiest}, Sep-Aug window`, im, base, pre]);
}
// Q4 (issue 5's W5): the backlog on the window's last day, by court (DuckDB from its base proceedings table;
// the precomputed column is the same table here: the backlog needs no join).
{
  const im = runImmstats(['--as-of', to, '--by', 'court'], 'backlog');
  const base = await timeDuck(pendingByCourtSql(to));
  const byKey = new Map(im.out.rows.map((r) => [r.court ?? '', r]));
  for (const w of base.result) {
    const got = byKey.get(w.court)?.pending ?? 0;
    if (got !== Number(w.pending)) { mismatches++; console.error(`MISMATCH W5 ${w.court}: immstats ${got} duckdb ${w.pending}`); }
  }
  const imCourts = im.out.rows.filter((r) => r.pending > 0).length;
  if (imCourts !== base.result.length) { mismatches++; console.error(`MISMATCH W5 courts ${imCourts} vs ${base.result.length}`); }
  report.push([`W5: backlog on ${to} by court`, im, base, base]);
}
if (mismatches > 0) { console.error(`${mismatches} mismatches: no times reported`); process.exit(1); }

console.log(`\n| query | immstats (fresh process) | peak RSS | DuckDB from base tables | ratio | DuckDB from precomputed table | ratio |`);
console.log(`|---|---|---|---|---|---|---|`);
for (const [name, im, base, pre] of report) {
  console.log(`| ${name} | ${im.ms.toFixed(1)} ms | ${im.rssMb.toFixed(0)} MB | ${base.ms.toFixed(1)} ms | ${(base.ms / im.ms).toFixed(1)}x |` +
              ` ${pre.ms.toFixed(1)} ms | ${(pre.ms / im.ms).toFixed(2)}x |`);
}
console.log(`\nmedian of ${RUNS} runs after one warm-up; DuckDB in-process with 2 threads, immstats a new process each time.`);
