// W1 for DuckDB: loads every main table of a release folder into a database file and prints the row count of each
// table as JSON. Columns load as text (all_varchar): DuckDB's type detection fails on EOIR's tables (a
// sample of tbl_schedule takes ASSIGNMENT_PATH for a boolean, then meets "A" at line 160,085 of a scale-0.1 release).
// Usage: node duckdb_load.mjs RELEASE_DIR DB_FILE TABLE...
import { createRequire } from 'node:module';
import path from 'node:path';
import { findFile } from '../../tests/oracle/asylum_sql.mjs';

const require = createRequire(import.meta.url);
const { DuckDBInstance } = require(path.join(path.dirname(new URL(import.meta.url).pathname), 'node_modules', '@duckdb', 'node-api'));
const [releaseDir, dbFile, ...tables] = process.argv.slice(2);
const db = await DuckDBInstance.create(dbFile, { threads: '2' });
const con = await db.connect();
const counts = {};
for (const t of tables) {
  const file = findFile(releaseDir, `${t}.csv`);
  await con.run(`CREATE TABLE "${t}" AS SELECT * FROM read_csv('${file}', delim='\t', header=true, quote='', escape='',
                 all_varchar=true, null_padding=true)`);
  counts[t] = Number((await con.runAndReadAll(`SELECT count(*) n FROM "${t}"`)).getRowObjects()[0].n);
}
await con.run('CHECKPOINT');
console.log(JSON.stringify(counts));
