// W3-W6 of the side-by-side benchmark for Polars (nodejs-polars): the spec's asylum records (domain.md §6.2, the
// definition of tests/oracle/asylum_sql.mjs) and the §8 backlog as dataframe code, computed from the three base
// frames on every run. Prints the JSON object asylum_peers.py prints (g, d, l, o counts; pending per court).
// Usage: node polars_asylum.mjs RELEASE_DIR FROM TO COURT RUNS   (Polars on 2 threads, as DuckDB)
import { createRequire } from 'node:module';
import path from 'node:path';
import { findFile } from '../../tests/oracle/asylum_sql.mjs';

process.env.POLARS_MAX_THREADS = '2';  // read when Polars loads
const require = createRequire(import.meta.url);
const pl = require(path.join(path.dirname(new URL(import.meta.url).pathname), 'node_modules', 'nodejs-polars'));

const BACKLOG_TYPES = ['RMV', 'DEP', 'EXC', 'AOC', 'WHO'];
const CLASSES = { G: 0, F: 0, C: 0, I: 0, P: 0, D: 1, L: 2, A: 3, W: 4, O: 5, M: 6, S: 7, T: 7, R: 8 };
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// Runs fn once to warm up, then `runs` times (once when the warm-up took over 5 s): median ms, last answer.
function timed(fn, runs) {
  let t0 = performance.now();
  let rows = fn();
  const n = performance.now() - t0 < 5000 ? runs : 1;
  const times = [];
  for (let i = 0; i < n; i++) {
    t0 = performance.now();
    rows = fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), runs: n, rows };
}

function polarsAsylum(releaseDir, from, to, court, runs) {
  const col = pl.col;
  // Trimmed text, an empty field as null; dates as 'YYYY-MM-DD' text (ISO order), null unless well formed.
  const code = (c, as) => {
    const t = col(c).str.strip();
    return pl.when(t.eq(pl.lit(''))).then(pl.lit(null)).otherwise(t).alias(as);
  };
  const day = (c, as) => {
    const d = col(c).str.strip().str.slice(0, 10);
    return pl.when(d.str.contains('^\\d{4}-\\d{2}-\\d{2}$')).then(d).otherwise(pl.lit(null)).alias(as);
  };
  const read = (name, columns) => pl.readCSV(findFile(releaseDir, `${name}.csv`),
    { sep: '\t', quoteChar: '', inferSchemaLength: 0, columns, encoding: 'utf8-lossy' });

  const t0 = performance.now();
  const p = read('B_TblProceeding', ['IDNPROCEEDING', 'IDNCASE', 'COMP_DATE', 'INPUT_DATE', 'CASE_TYPE', 'DEC_CODE',
                                     'OTHER_COMP', 'BASE_CITY_CODE', 'IJ_CODE', 'NAT']).select(
    col('IDNPROCEEDING').cast(pl.Int64).alias('pid'), col('IDNCASE').str.strip().cast(pl.Int64).alias('cid'),
    day('COMP_DATE', 'comp'), day('INPUT_DATE', 'received'), code('CASE_TYPE', 'ctype'), code('DEC_CODE', 'dcode'),
    code('OTHER_COMP', 'oc'), code('BASE_CITY_CODE', 'court'), code('IJ_CODE', 'judge'), code('NAT', 'pnat'));
  const c = read('A_TblCase', ['IDNCASE', 'NAT']).select(col('IDNCASE').cast(pl.Int64).alias('cid'), code('NAT', 'nat'));
  const a = read('tbl_Court_Appln', ['IDNPROCEEDING', 'APPL_CODE', 'APPL_DEC']).select(
    col('IDNPROCEEDING').cast(pl.Int64).alias('pid'), col('APPL_CODE').str.strip().alias('code'), code('APPL_DEC', 'd'));
  const prepareMs = performance.now() - t0;

  let k = pl.when(col('d').isNull()).then(pl.lit(8));
  for (const [v, n] of Object.entries(CLASSES)) k = k.when(col('d').eq(pl.lit(v))).then(pl.lit(n));
  k = k.otherwise(pl.lit(5));
  const records = () => {
    const cls = a.lazy().filter(col('code').eq(pl.lit('ASYL'))).groupBy('pid').agg(k.min().alias('k'));
    return p.lazy().filter(col('comp').isNotNull().and(col('dcode').isNotNull().or(col('oc').isNotNull())))
      .join(cls, { on: 'pid', how: 'inner' }).join(c.lazy(), { on: 'cid', how: 'left' })
      .withColumns(col('nat').fillNull(col('pnat')).alias('nat'));
  };
  const counts = [col('k').eq(0).sum().alias('g'), col('k').eq(1).sum().alias('d'), col('k').eq(2).sum().alias('l'),
                  col('k').gtEq(3).and(col('k').ltEq(6)).sum().alias('o')];
  const inWindow = col('comp').gtEq(pl.lit(from)).and(col('comp').ltEq(pl.lit(to)));
  const plain = (df) => df.toRecords().map((r) => Object.fromEntries(Object.entries(r).map(([x, v]) =>
    [x, typeof v === 'bigint' ? Number(v) : v])));

  const answers = {
    W3: timed(() => {
      const win = records().filter(inWindow);
      return [...plain(win.filter(col('nat').eq(pl.lit('HO'))).select(...counts).collectSync()),
              ...plain(win.select(...counts).collectSync())];
    }, runs),
    W6: timed(() => plain(records().withColumns(col('comp').str.slice(0, 4).cast(pl.Int32)
      .add(col('comp').str.slice(5, 2).gtEq(pl.lit('10')).cast(pl.Int32)).alias('fy'))
      .groupBy(['nat', 'fy']).agg(...counts).collectSync()), runs),
    W4: timed(() => plain(records().filter(inWindow.and(col('court').eq(pl.lit(court))))
      .withColumns(col('judge').fillNull(pl.lit('')).alias('judge')).groupBy('judge').agg(...counts).collectSync()), runs),
    W5: timed(() => plain(p.lazy().filter(col('received').ltEq(pl.lit(to))
      .and(col('comp').isNull().or(col('comp').gt(pl.lit(to)))).and(col('ctype').isIn(BACKLOG_TYPES)))
      .withColumns(col('court').fillNull(pl.lit('')).alias('court'))
      .groupBy('court').agg(pl.len().alias('pending')).collectSync()), runs),
  };
  return { engine: 'polars', prepare_ms: prepareMs, answers };
}

const [releaseDir, from, to, court, runs] = process.argv.slice(2);
console.log(JSON.stringify(polarsAsylum(releaseDir, from, to, court, Number(runs))));
