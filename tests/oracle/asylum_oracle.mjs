// Correctness oracle for `immstats asylum`: the spec's definitions (domain.md §6.2, §7.1, §7.3, §7.4) written
// independently as SQL, run by DuckDB over the raw tab-delimited files of a release, compared count by count
// with immstats over random slices (nationality x window x court x judge x custody x unit).
//
// Usage: node asylum_oracle.mjs RELEASE_DIR IMMSTATS_BIN STORE_DIR [SLICES] [SEED]
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { loadBaseTables, recordsSql, countsSql, expectedFields } from './asylum_sql.mjs';

const require = createRequire(import.meta.url);
const peers = process.env.IMMSTATS_PEERS_DIR;
const { DuckDBInstance } = require(path.join(peers, 'node_modules', '@duckdb', 'node-api'));

const [releaseDir, bin, storeDir, slicesArg, seedArg] = process.argv.slice(2);
const SLICES = Number(slicesArg ?? 300);
let seed = Number(seedArg ?? 7);
const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (arr) => arr[Math.floor(rand() * arr.length)];

const db = await DuckDBInstance.create(':memory:', { threads: '2' });
const con = await db.connect();
const rows = async (sql) => (await con.runAndReadAll(sql)).getRowObjects();
await loadBaseTables(con, releaseDir);
await con.run(`CREATE TABLE rec AS ${recordsSql()}`);

const nats = (await rows(`SELECT nat, count(*) n FROM rec GROUP BY nat ORDER BY n DESC LIMIT 25`)).map((r) => r.nat);
const courts = (await rows(`SELECT court, count(*) n FROM rec GROUP BY court ORDER BY n DESC LIMIT 20`)).map((r) => r.court);
const span = (await rows(`SELECT min(comp)::VARCHAR lo, max(comp)::VARCHAR hi FROM rec`))[0];
const lastYear = Number(span.hi.slice(0, 4));

const sqlCounts = (where) => rows(countsSql('rec', where)).then((r) => r[0]);

function immstats(args) {
  const out = execFileSync(bin, ['asylum', '--store', storeDir, '--format', 'json', '--min-decisions', '0', ...args]);
  return JSON.parse(out.toString());
}

let failures = 0, checked = 0;
function compare(label, row, s) {
  const want = expectedFields(s);
  for (const [k, v] of Object.entries(want)) {
    const got = row ? row[k] : 0;
    if (got !== v) { failures++; console.error(`MISMATCH ${label}: ${k} immstats=${got} duckdb=${v}`); }
  }
  checked++;
}
const pad = (n) => String(n).padStart(2, '0');

for (let i = 0; i < SLICES; i++) {
  const args = [], where = [], whereAll = [];
  const y = lastYear - Math.floor(rand() * 8), m = 1 + Math.floor(rand() * 12), months = 1 + Math.floor(rand() * 24);
  const from = `${y}-${pad(m)}-01`;
  if (from > span.hi) { i--; continue; }  // immstats refuses a window after the release's last decision
  const endMonth = new Date(Date.UTC(y, m - 1 + months, 0));
  const to = endMonth.toISOString().slice(0, 10);
  args.push('--from', from, '--to', to);
  where.push(`comp BETWEEN DATE '${from}' AND DATE '${to}'`);
  if (rand() < 0.4) { const c = pick(courts); args.push('--court', c); where.push(`court = '${c}'`); }
  if (rand() < 0.3) { const cu = pick(['D', 'R', 'N']); args.push('--custody', cu); where.push(`custody = '${cu}'`); }
  if (rand() < 0.15) {
    const judges = (await rows(`SELECT judge FROM rec WHERE ${where.join(' AND ')} AND judge IS NOT NULL GROUP BY judge ORDER BY count(*) DESC, judge LIMIT 5`)).map((r) => r.judge);
    if (judges.length) { const j = pick(judges); args.push('--judge', j); where.push(`judge = '${j}'`); }
  }
  if (rand() < 0.2) { args.push('--unit', 'case-final'); where.push('nth = 1'); }
  whereAll.push(...where);
  const withNat = rand() < 0.7;
  if (withNat) { const n = pick(nats); args.push('--nationality', n); where.push(`nat = '${n}'`); }
  const label = args.join(' ');
  const out = immstats(args);
  const sliceRow = out.rows.find((r) => !r.comparison);
  compare(label, sliceRow, await sqlCounts(where));
  if (withNat) compare(label + ' [all nationalities]', out.rows.find((r) => r.comparison), await sqlCounts(whereAll));
}

// Grouped: nationality x fiscal year over three years, every cell.
{
  const out = immstats(['--by', 'nationality,fy', '--from', `${lastYear - 3}-10-01`, '--to', `${lastYear}-09-30`]);
  const want = await rows(`SELECT nat, CAST(year(comp + INTERVAL 3 MONTH) AS INTEGER) fy,
      count(*) FILTER (WHERE k = 0) g, count(*) FILTER (WHERE k = 1) d, count(*) FILTER (WHERE k = 2) l,
      count(*) FILTER (WHERE k IN (3, 4, 5, 6)) o
    FROM rec WHERE comp BETWEEN DATE '${lastYear - 3}-10-01' AND DATE '${lastYear}-09-30' GROUP BY ALL`);
  if (want.length !== out.rows.length) { failures++; console.error(`MISMATCH by nationality,fy: ${out.rows.length} rows, duckdb ${want.length}`); }
  for (const w of want) {
    const row = out.rows.find((r) => r.nationality === w.nat && r.fy === w.fy);
    compare(`--by nationality,fy ${w.nat} FY${w.fy}`, row, w);
  }
}

console.log(`asylum oracle: ${checked} slices and cells compared with DuckDB, ${failures} mismatches`);
process.exit(failures === 0 ? 0 : 1);
