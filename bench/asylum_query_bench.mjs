// Issue 4's speed check (W3, W4, W5, W6 of issue 5), side by side: immstats asylum (a fresh process per query, as a CLI user runs it)
// against DuckDB on its stored base tables and on a precomputed decisions table (in-process, warm), on the
// same release; then SQLite (on W1's database file), pandas and Polars, each in its own process, computing the
// same records from its base tables or frames on every run (bench/peers/asylum_peers.py, polars_asylum.mjs).
// Every answer is compared with immstats' before any time is reported.
//
// Usage: node asylum_query_bench.mjs RELEASE_DIR IMMSTATS_BIN STORE_DIR DUCKDB_FILE [RUNS] [--sqlite DB] [--pandas]
//        [--polars]
import { createRequire } from 'node:module';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadBaseTables, recordsSql, countsSql, expectedFields, pendingByCourtSql } from '../tests/oracle/asylum_sql.mjs';

const require = createRequire(import.meta.url);
const peers = process.env.IMMSTATS_PEERS_DIR ?? path.join(path.dirname(new URL(import.meta.url).pathname), 'peers');
const { DuckDBInstance } = require(path.join(peers, 'node_modules', '@duckdb', 'node-api'));
const args = process.argv.slice(2);
const flag = (name, takesValue) => { const i = args.indexOf(name); return i < 0 ? null : args.splice(i, takesValue ? 2 : 1).at(-1); };
const sqliteDb = flag('--sqlite', true), jsonOut = flag('--json', true), withPandas = flag('--pandas') !== null, withPolars = flag('--polars') !== null;
const [releaseDir, bin, storeDir, dbFile, runsArg] = args;
const RUNS = Number(runsArg ?? 7);
const benchDir = path.dirname(new URL(import.meta.url).pathname);
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

// immstats as a fresh process per run, started by bench/time_runs.sh (a small shell: forking this node process,
// which holds DuckDB's memory, would add its own tens of milliseconds to every run).
function runImmstats(args, command = 'asylum') {
  const outFile = path.join(os.tmpdir(), `immstats-bench-${process.pid}.json`);
  const r = spawnSync(path.join(benchDir, 'time_runs.sh'),
                      [String(RUNS), outFile, bin, command, '--store', storeDir, '--format', 'json', ...args],
                      { maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`immstats failed (${r.status} ${r.signal} ${r.error}): ${r.stderr}`);
  const [ms, rssKb] = r.stdout.toString().trim().split(' ').map(Number);
  const out = JSON.parse(readFileSync(outFile, 'utf8'));
  rmSync(outFile, { force: true });
  return { ms, rssMb: rssKb / 1024, out };
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
const window = `comp BETWEEN DATE '${from}' AND DATE '${to}'`;
const busiest = (await rows(`SELECT court FROM rec WHERE ${window} AND court IS NOT NULL
                             GROUP BY court ORDER BY count(*) DESC, court LIMIT 1`))[0].court;
let mismatches = 0;
function check(label, got, want) {
  for (const [k, v] of Object.entries(expectedFields(want))) {
    if ((got ? got[k] : 0) !== v) { mismatches++; console.error(`MISMATCH ${label} ${k}: immstats ${got?.[k]} peer ${v}`); }
  }
}
// Each workload: its immstats arguments, and how a peer's rows (g, d, l, o counts or pending) are checked against
// immstats' answer, cell by cell, with the number of groups.
const keyed = (label, imRows, imKey, peerRows, peerKey, compare, isGroup = () => true) => {
  const byKey = new Map(imRows.map((r) => [imKey(r), r]));
  for (const w of peerRows) compare(`${label} ${peerKey(w)}`, byKey.get(peerKey(w)), w);
  const groups = imRows.filter(isGroup).length;
  if (groups !== peerRows.length) { mismatches++; console.error(`MISMATCH ${label} groups: immstats ${groups}, peer ${peerRows.length}`); }
};
const workloads = [
  { id: 'W3', name: 'W3: one nationality, Sep-Aug window, all definitions',
    args: ['--nationality', 'HO', '--from', from, '--to', to],
    check: (label, im, peer) => { check(label, im.rows[0], peer[0]); check(`${label} all`, im.rows[1], peer[1]); } },
  { id: 'W6', name: 'W6: by nationality x fiscal year', args: ['--by', 'nationality,fy'],
    check: (label, im, peer) => keyed(label, im.rows, (r) => `${r.nationality}|${r.fy}`, peer, (w) => `${w.nat}|${w.fy}`, check) },
  { id: 'W4', name: `W4: by judge, court ${busiest}, Sep-Aug window`, args: ['--court', busiest, '--by', 'judge', '--from', from, '--to', to],
    check: (label, im, peer) => keyed(label, im.rows, (r) => r.judge ?? '', peer, (w) => w.judge, check) },
  { id: 'W5', name: `W5: backlog on ${to} by court`, command: 'backlog', args: ['--as-of', to, '--by', 'court'],
    check: (label, im, peer) => keyed(label, im.rows, (r) => r.court ?? '', peer, (w) => w.court, (l, got, w) => {
      if ((got?.pending ?? 0) !== Number(w.pending)) { mismatches++; console.error(`MISMATCH ${l}: immstats ${got?.pending} peer ${w.pending}`); }
    }, (r) => r.pending > 0) },  // immstats lists every court, the peers' GROUP BY only those with a pending case
];
// DuckDB's SQL for each workload over a records source (the base tables joined each time, or the precomputed table).
const counts = `count(*) FILTER (WHERE k = 0) g, count(*) FILTER (WHERE k = 1) d, count(*) FILTER (WHERE k = 2) l,
  count(*) FILTER (WHERE k IN (3, 4, 5, 6)) o`;
const duckSql = {
  W3: (src) => `${countsSql(src, [window, `nat = 'HO'`])} UNION ALL ${countsSql(src, [window])}`,
  W6: (src) => `SELECT nat, CAST(year(comp + INTERVAL 3 MONTH) AS INTEGER) fy, ${counts} FROM ${src} GROUP BY ALL`,
  W4: (src) => `SELECT coalesce(judge, '') judge, ${counts} FROM ${src} WHERE ${window} AND court = '${busiest}' GROUP BY ALL`,
  W5: () => pendingByCourtSql(to),  // no join: the base proceedings table serves both columns
};
const report = [];
for (const w of workloads) {
  const im = runImmstats(w.args, w.command);
  const base = await timeDuck(duckSql[w.id](`(${recordsSql(false)})`));
  const pre = w.id === 'W5' ? base : await timeDuck(duckSql[w.id]('rec'));
  w.check(`${w.id} DuckDB`, im.out, base.result);
  w.check(`${w.id} DuckDB precomputed`, im.out, pre.result);
  report.push({ w, im, base, pre });
}

// immstats in-process: `immstats serve --no-cache` computes every answer (its decoded blocks stay warm, as DuckDB's
// do); each request is the CLI's query as API parameters, timed from the request to the last byte.
{
  const server = spawn(bin, ['serve', '--store', storeDir, '--port', '0', '--no-cache', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let text = '';
    server.stdout.on('data', (d) => { text += d; const m = text.match(/API\s+(http:\/\/\S+\/api)/); if (m) resolve(m[1]); });
    server.on('exit', (code) => reject(new Error(`immstats serve exited (${code})`)));
  });
  for (const r of report) {
    const q = new URLSearchParams();
    for (let i = 0; i < r.w.args.length; i += 2) q.append(r.w.args[i].slice(2), r.w.args[i + 1]);
    const times = [];
    let body = null;
    for (let i = 0; i < RUNS + 1; i++) {
      const t0 = performance.now();
      const res = await fetch(`${url}/${r.w.command ?? 'asylum'}?${q}`);
      body = await res.json();
      if (i > 0) times.push(performance.now() - t0);
    }
    checkServed(r, body);
    r.served = median(times);
  }
  server.kill();
}
function checkServed(r, body) {
  if (JSON.stringify(body.rows) !== JSON.stringify(r.im.out.rows)) { mismatches++; console.error(`MISMATCH ${r.w.id}: the server's rows differ from the CLI's`); }
}

// The other peers, each in a process of its own (its peak RSS measured), on the same window and court.
const peerDir = path.join(benchDir, 'peers');
const others = [];
const spawnPeer = (name, argv) => {
  const r = spawnSync('/usr/bin/time', ['-f', '%M', ...argv], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`${name} failed (${r.status} ${r.signal}): ${r.stderr}`);
  const out = JSON.parse(r.stdout.toString());
  out.rssMb = Number(r.stderr.toString().trim().split('\n').pop()) / 1024;
  out.name = name;
  for (const w of workloads) w.check(`${w.id} ${name}`, report.find((x) => x.w === w).im.out, out.answers[w.id].rows);
  others.push(out);
};
const python = ['/usr/bin/python3', path.join(peerDir, 'asylum_peers.py')];
if (sqliteDb) spawnPeer('SQLite', [...python, 'sqlite', sqliteDb, from, to, busiest, String(RUNS)]);
if (withPandas) spawnPeer('pandas', [...python, 'pandas', releaseDir, from, to, busiest, String(RUNS)]);
if (withPolars) spawnPeer('Polars', [process.execPath, path.join(peerDir, 'polars_asylum.mjs'), releaseDir, from, to, busiest, String(RUNS)]);
if (mismatches > 0) { console.error(`${mismatches} mismatches: no times reported`); process.exit(1); }
if (jsonOut) {
  writeFileSync(jsonOut, JSON.stringify({ from, to, court: busiest, workloads: report.map(({ w, im, served, base, pre }) => ({
    id: w.id, immstats_ms: im.ms, immstats_rss_mb: im.rssMb, immstats_served_ms: served, duckdb_base_ms: base.ms, duckdb_pre_ms: pre.ms,
    others: Object.fromEntries(others.map((o) => [o.name, o.answers[w.id].ms])) })) }, null, 1));
}
console.log(`W3-W6 check: DuckDB${others.map((o) => `, ${o.name}`).join('')} gave immstats' answer in every cell`);

console.log(`\n| query | immstats (fresh process) | peak RSS | immstats in-process (server) | DuckDB from base tables | ratio | DuckDB from precomputed table | ratio |`);
console.log(`|---|---|---|---|---|---|---|---|`);
for (const { w, im, served, base, pre } of report) {
  console.log(`| ${w.name} | ${im.ms.toFixed(1)} ms | ${im.rssMb.toFixed(0)} MB | ${served.toFixed(1)} ms | ${base.ms.toFixed(1)} ms | ${(base.ms / im.ms).toFixed(1)}x |` +
              ` ${pre.ms.toFixed(1)} ms | ${(pre.ms / im.ms).toFixed(2)}x |`);
}
console.log(`\nmedian of ${RUNS} runs after one warm-up; DuckDB in-process with 2 threads; immstats a new process each time, and`);
console.log(`in-process as \`immstats serve --no-cache\` answering the same query over HTTP (blocks warm, every answer computed). Ratios: to the fresh process.`);
if (others.length) {
  console.log(`\n| query | immstats (fresh process) | ${others.map((o) => `${o.name} (in-process) | ratio`).join(' | ')} |`);
  console.log(`|---|---|${others.map(() => '---|---|').join('')}`);
  for (const { w, im } of report) {
    const cells = others.map((o) => { const a = o.answers[w.id]; return `${a.ms.toFixed(1)} ms${a.runs === 1 ? ' (1 run)' : ''} | ${(a.ms / im.ms).toFixed(1)}x`; });
    console.log(`| ${w.name} | ${im.ms.toFixed(1)} ms | ${cells.join(' | ')} |`);
  }
  const prep = others.map((o) => `${(o.prepare_ms / 1000).toFixed(1)} s, peak RSS ${o.rssMb.toFixed(0)} MB | -`);
  console.log(`| preparation (once; not in the times above) | the store of W1 | ${prep.join(' | ')} |`);
  console.log(`\nSQLite: typed tables built from W1's imported text tables, then each query joins them (one thread);` +
              ` pandas: the three files read into frames (one thread); Polars: the same on 2 threads. Each query recomputes` +
              ` the records from those tables, as DuckDB's "from base tables" column does; median of ${RUNS} runs after a warm-up` +
              ` (one run when the warm-up took over 5 s).`);
}
