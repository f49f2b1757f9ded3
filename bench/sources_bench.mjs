// W7 and W8 of the side-by-side benchmark, on the real files (IMMSTATS_REAL_DATA): immstats against DuckDB,
// pandas and (W7) Polars, every answer compared before any time is printed.
//   W7  CBP encounters by citizenship (as published) and month, from CBP's nationwide state file FY2020-FY2023
//   W8  ICE removals by citizenship (as published) and fiscal year, from the four person-level .gz files
// Each is timed from the published files to the answer (immstats: ingest + query, two processes; DuckDB: load +
// query in one process; pandas: read + group), and as the query alone on what was loaded (immstats: a fresh
// process on its store; DuckDB: in-process on its tables).
// Usage: node sources_bench.mjs REAL_DATA_DIR IMMSTATS_BIN WORK_DIR [RUNS]
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const peers = process.env.IMMSTATS_PEERS_DIR ?? path.join(path.dirname(new URL(import.meta.url).pathname), 'peers');
const { DuckDBInstance } = require(path.join(peers, 'node_modules', '@duckdb', 'node-api'));
process.env.POLARS_MAX_THREADS = '2';  // read when Polars loads; the same 2 threads as DuckDB
let pl = null;
try {
  pl = require(path.join(peers, 'node_modules', 'nodejs-polars'));
} catch {
  console.error('Polars is not installed (bench/setup-peers.sh installs it): its column is left out');
}
const [real, bin, work, runsArg] = process.argv.slice(2);
const RUNS = Number(runsArg ?? 5);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
mkdirSync(work, { recursive: true });

const cbpFile = path.join(real, 'cbp-nationwide-encounters/cbp-nationwide-encounters-fy20-fy23-state.csv');
const iceFiles = [2016, 2017, 2018, 2019].map((y) => path.join(real, `ice-enforce/us/import/frozen/ICERemovals_FY${y}.csv.gz`));

function run(argv) {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', ...argv], { maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed: ${r.stderr}`);
  return { ms, rssMb: Number(r.stderr.toString().trim().split('\n').pop()) / 1024, out: r.stdout.toString() };
}

// immstats: ingest into a fresh store, then the query as CSV; the answer as key -> count.
function immstats(source, files, queryArgs) {
  const ends = [], queries = [];
  let answer = null, rss = 0;
  for (let i = 0; i < RUNS + 1; i++) {
    const store = path.join(work, `store-${source}`);
    rmSync(store, { recursive: true, force: true });
    const ingest = run([bin, 'ingest', source, ...files, '--store', store, '--quiet', '--json']);
    const q = run([bin, ...queryArgs, '--store', store, '--format', 'csv']);
    rss = Math.max(rss, ingest.rssMb, q.rssMb);
    answer = q.out;
    if (i > 0) { ends.push(ingest.ms + q.ms); queries.push(q.ms); }
  }
  const map = new Map();
  for (const line of answer.trim().split('\n').slice(1)) {
    const parts = line.split(',');
    const n = Number(parts[parts.length - 1]);
    const key = line.slice(0, line.lastIndexOf(',')).replace(/^"(.*)"$/, '$1').replace(/"/g, '');
    map.set(key, n);
  }
  return { end: median(ends), query: median(queries), rss, map };
}

async function duck(loadSql, querySql) {
  const ends = [], queries = [];
  let rowsOut = null;
  for (let i = 0; i < RUNS + 1; i++) {
    const db = await DuckDBInstance.create(':memory:', { threads: '2' });
    const con = await db.connect();
    const t0 = performance.now();
    await con.run(loadSql);
    rowsOut = (await con.runAndReadAll(querySql)).getRowObjects();
    const t2 = performance.now();
    const qs = [];
    for (let k = 0; k < 3; k++) {
      const a = performance.now();
      await con.runAndReadAll(querySql);
      qs.push(performance.now() - a);
    }
    if (i > 0) { ends.push(t2 - t0); queries.push(median(qs)); }
  }
  const map = new Map(rowsOut.map((r) => [`${r.k}`, Number(r.n)]));
  return { end: median(ends), query: median(queries), map };
}

function pandas(script) {
  const ends = [];
  let out = null, rss = 0;
  for (let i = 0; i < RUNS + 1; i++) {
    const r = run(['/usr/bin/python3', '-c', script]);
    rss = Math.max(rss, r.rssMb);
    out = r.out;
    if (i > 0) ends.push(r.ms);
  }
  const map = new Map();
  for (const line of out.trim().split('\n')) {
    const tab = line.lastIndexOf('\t');
    map.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return { end: median(ends), rss, map };
}

function same(name, a, b, who) {
  const bad = [];
  for (const [k, v] of a) if (b.get(k) !== v) bad.push(`${k}: immstats ${v}, ${who} ${b.get(k)}`);
  for (const [k, v] of b) if (!a.has(k)) bad.push(`${k}: immstats -, ${who} ${v}`);
  if (bad.length) {
    console.error(`${name}: ${who} differs from immstats in ${bad.length} cells, e.g.\n  ${bad.slice(0, 5).join('\n  ')}`);
    process.exit(1);
  }
}

const monthSql = (fy, abbv) => `strftime(make_date(CASE WHEN strptime(${abbv}, '%b')::DATE IS NULL THEN NULL ELSE
  (CASE WHEN month(strptime(${abbv}, '%b')) >= 10 THEN ${fy}::INT - 1 ELSE ${fy}::INT END) END,
  month(strptime(${abbv}, '%b')), 1), '%Y-%m')`;

// W7
const w7i = immstats('cbp', [cbpFile], ['encounters', '--by', 'citizenship_as_published,month']);
const w7d = await duck(
  `CREATE TABLE cbp AS SELECT * FROM read_csv('${cbpFile}', header=true, all_varchar=true)`,
  `SELECT "Citizenship" || ',' || ${monthSql('"Fiscal Year"', '"Month (abbv)"')} AS k, sum("Encounter Count"::BIGINT) AS n
     FROM cbp GROUP BY ALL`);
same('W7', w7i.map, w7d.map, 'DuckDB');
const w7p = pandas(`
import pandas as pd
d = pd.read_csv(${JSON.stringify(cbpFile)}, dtype=str, keep_default_na=False)
m = pd.to_datetime(d["Month (abbv)"].str.title(), format="%b").dt.month
fy = d["Fiscal Year"].astype(int)
d["month"] = (fy - (m >= 10).astype(int)).astype(str) + "-" + m.map("{:02d}".format)
d["n"] = d["Encounter Count"].astype("int64")
for (c, mo), n in d.groupby(["Citizenship", "month"])["n"].sum().items():
    print(f"{c},{mo}\\t{n}")
`);
same('W7', w7i.map, w7p.map, 'pandas');

// Polars (W7): read the file as text columns, group by citizenship, fiscal year and month name, sum the counts;
// the 1,056 groups' month names become calendar months in JavaScript.
const MONTHS = { JAN: 1, FEB: 2, MAR: 3, APR: 4, MAY: 5, JUN: 6, JUL: 7, AUG: 8, SEP: 9, OCT: 10, NOV: 11, DEC: 12 };
function polarsW7() {
  const ends = [], queries = [];
  let out = null;
  const query = (df) => df.lazy()
    .select(pl.col('Citizenship'), pl.col('Fiscal Year'), pl.col('Month (abbv)'), pl.col('Encounter Count').cast(pl.Int64))
    .groupBy(['Citizenship', 'Fiscal Year', 'Month (abbv)']).agg(pl.col('Encounter Count').sum()).collectSync();
  for (let i = 0; i < RUNS + 1; i++) {
    const t0 = performance.now();
    const df = pl.readCSV(cbpFile, { inferSchemaLength: 0 });
    out = query(df);
    const t2 = performance.now();
    const qs = [];
    for (let k = 0; k < 3; k++) {
      const a = performance.now();
      query(df);
      qs.push(performance.now() - a);
    }
    if (i > 0) { ends.push(t2 - t0); queries.push(median(qs)); }
  }
  const map = new Map();
  for (const r of out.toRecords()) {
    const m = MONTHS[String(r['Month (abbv)']).toUpperCase()];
    const y = m >= 10 ? Number(r['Fiscal Year']) - 1 : Number(r['Fiscal Year']);
    const key = `${r.Citizenship},${y}-${String(m).padStart(2, '0')}`;
    map.set(key, (map.get(key) ?? 0) + Number(r['Encounter Count']));
  }
  return { end: median(ends), query: median(queries), map };
}
const w7pl = pl ? polarsW7() : null;
if (w7pl) same('W7', w7i.map, w7pl.map, 'Polars');

// W8
const w8i = immstats('ice', iceFiles, ['removals', '--by', 'citizenship_as_published,fy']);
const w8d = await duck(
  `CREATE TABLE rem AS ${iceFiles.map((f) => `SELECT *, '${f}' AS filename FROM read_csv('${f}', delim='|', skip=5,
     header=true, all_varchar=true)`).join(' UNION ALL ')}`,
  `SELECT "Citizenship" || ',' || regexp_extract(filename, 'FY(\\d{4})', 1) AS k, count(*) AS n FROM rem GROUP BY ALL`);
same('W8', w8i.map, w8d.map, 'DuckDB');
const w8p = pandas(`
import pandas as pd, re
parts = []
for f in ${JSON.stringify(iceFiles)}:
    d = pd.read_csv(f, sep="|", skiprows=5, dtype=str, keep_default_na=False, encoding="latin-1")
    d["fy"] = re.search(r"FY(\\d{4})", f).group(1)
    parts.append(d)
d = pd.concat(parts)
for (c, fy), n in d.groupby(["Citizenship", "fy"]).size().items():
    print(f"{c},{fy}\\t{n}")
`);
same('W8', w8i.map, w8p.map, 'pandas');

const f = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const x = (a, b) => `${(a / b).toFixed(1)}x`;
console.log(`W7/W8 check: DuckDB, pandas${w7pl ? ' and Polars (W7)' : ''} gave immstats' answer in every cell (W7 ${w7i.map.size} cells, W8 ${w8i.map.size})`);
console.log('');
console.log('| workload | immstats: files to answer | query alone (fresh process) | peak RSS | DuckDB: files to answer | query alone (in-process) | pandas: files to answer | peak RSS |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [name, i, d, p] of [['W7 CBP encounters by citizenship x month', w7i, w7d, w7p],
                               ['W8 ICE removals by citizenship x FY', w8i, w8d, w8p]]) {
  console.log(`| ${name} | ${f(i.end)} | ${f(i.query)} | ${i.rss.toFixed(0)} MB | ${f(d.end)} (${x(d.end, i.end)}) | ${f(d.query)} (${x(d.query, i.query)}) | ${f(p.end)} (${x(p.end, i.end)}) | ${p.rss.toFixed(0)} MB |`);
}
if (w7pl) {
  console.log('');
  console.log('| workload | immstats: files to answer | query alone | Polars: files to answer | query alone (in-process) |');
  console.log('|---|---|---|---|---|');
  console.log(`| W7 CBP encounters by citizenship x month | ${f(w7i.end)} | ${f(w7i.query)} | ${f(w7pl.end)} (${x(w7pl.end, w7i.end)}) | ${f(w7pl.query)} (${x(w7pl.query, w7i.query)}) |`);
  console.log('Polars on W8 is left out: its CSV reader takes UTF-8 only and the ICE files are gzip-compressed Windows-1252.');
}
console.log(`median of ${RUNS} runs after a warm-up; ratios are the peer's time over immstats'`);
